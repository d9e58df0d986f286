// expect: ok outcomes "[alice alice alice] true\n"
//
// singleflight by hand: concurrent loads of one key share a single call;
// the waiters block on the call's WaitGroup.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type call struct {
	wg  sync.WaitGroup
	val string
	err error
}

type Group struct {
	mu sync.Mutex
	m  map[string]*call
}

func (g *Group) Do(key string, fn func() (string, error)) (string, error, bool) {
	g.mu.Lock()
	if g.m == nil {
		g.m = make(map[string]*call)
	}
	if c, ok := g.m[key]; ok {
		g.mu.Unlock()
		c.wg.Wait()
		return c.val, c.err, true
	}
	c := new(call)
	c.wg.Add(1)
	g.m[key] = c
	g.mu.Unlock()

	c.val, c.err = fn()
	c.wg.Done()

	g.mu.Lock()
	delete(g.m, key)
	g.mu.Unlock()
	return c.val, c.err, false
}

func main() {
	var g Group
	var loads atomic.Int32
	var wg sync.WaitGroup
	vals := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			v, err, _ := g.Do("user:42", func() (string, error) {
				loads.Add(1)
				return "alice", nil
			})
			if err != nil {
				panic(err)
			}
			vals[i] = v
		}(i)
	}
	wg.Wait()
	n := loads.Load()
	fmt.Println(vals, n >= 1 && n <= 3)
}
