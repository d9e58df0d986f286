// expect: ok
// weft: --max-executions 3000
//
// The bounded buffer (Dijkstra; Andrews, "Concurrent Programming", 5.2)
// with one mutex and two condition variables, each Wait in a loop that
// rechecks its condition: two producers, two consumers, capacity 2.
package main

import (
	"fmt"
	"sync"
)

type buffer struct {
	mu               sync.Mutex
	notFull, notEmpty *sync.Cond
	items            []int
	cap              int
}

func newBuffer(n int) *buffer {
	b := &buffer{cap: n}
	b.notFull = sync.NewCond(&b.mu)
	b.notEmpty = sync.NewCond(&b.mu)
	return b
}

func (b *buffer) put(v int) {
	b.mu.Lock()
	for len(b.items) == b.cap {
		b.notFull.Wait()
	}
	b.items = append(b.items, v)
	b.notEmpty.Signal()
	b.mu.Unlock()
}

func (b *buffer) get() int {
	b.mu.Lock()
	for len(b.items) == 0 {
		b.notEmpty.Wait()
	}
	v := b.items[0]
	b.items = b.items[1:]
	b.notFull.Signal()
	b.mu.Unlock()
	return v
}

func main() {
	b := newBuffer(2)
	var wg sync.WaitGroup
	sums := make([]int, 2)
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 1; i <= 3; i++ {
				b.put(10*p + i)
			}
		}(p)
	}
	for c := 0; c < 2; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				sums[c] += b.get()
			}
		}(c)
	}
	wg.Wait()
	fmt.Println(sums[0] + sums[1])
}
