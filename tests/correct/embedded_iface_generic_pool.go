// expect: ok
//
// A generic pool of resources behind an interface embedded in a struct,
// with a method expression used as a constructor and a deferred recover
// turning a worker's panic into an error stored in a named result.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Resetter interface{ Reset() }

type buffer struct{ data []byte }

func (b *buffer) Reset() { b.data = b.data[:0] }

type Pool[T Resetter] struct {
	mu    sync.Mutex
	free  []T
	newFn func() T
}

func (p *Pool[T]) Get() T {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		x := p.free[n-1]
		p.free = p.free[:n-1]
		return x
	}
	return p.newFn()
}

func (p *Pool[T]) Put(x T) {
	x.Reset()
	p.mu.Lock()
	p.free = append(p.free, x)
	p.mu.Unlock()
}

type named struct {
	Resetter
	name string
}

func work(p *Pool[*buffer], s string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	b := p.Get()
	defer p.Put(b)
	if s == "" {
		panic("empty input")
	}
	b.data = append(b.data, s...)
	return len(b.data), nil
}

func main() {
	p := &Pool[*buffer]{newFn: func() *buffer { return new(buffer) }}
	nm := named{Resetter: &buffer{}, name: "n"}
	reset := Resetter.Reset
	reset(nm)
	var mu sync.Mutex
	var lines []string
	var wg sync.WaitGroup
	for _, s := range []string{"ab", "", "cde"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			n, err := work(p, s)
			mu.Lock()
			lines = append(lines, fmt.Sprintf("%q %d %v", s, n, err))
			mu.Unlock()
		}(s)
	}
	wg.Wait()
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Printf("%+v\n", nm.name)
}
