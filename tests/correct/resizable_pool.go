// expect: ok
//
// A worker pool whose size changes at run time: Resize starts workers or
// asks the surplus ones to stop through a quit channel (each worker
// finishes its current task first); Stop closes the task channel and
// waits for all. The number of live workers is kept under the pool's
// mutex and checked against the number that actually ran.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Pool struct {
	mu      sync.Mutex
	tasks   chan func()
	quit    chan struct{}
	wg      sync.WaitGroup
	size    int
	started int
}

func NewPool() *Pool {
	return &Pool{tasks: make(chan func()), quit: make(chan struct{})}
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for {
		select {
		case t, ok := <-p.tasks:
			if !ok {
				return
			}
			t()
		case <-p.quit:
			return
		}
	}
}

func (p *Pool) Resize(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.size < n {
		p.size++
		p.started++
		p.wg.Add(1)
		go p.worker()
	}
	for p.size > n {
		p.size--
		p.quit <- struct{}{} // exactly one worker takes it
	}
}

func (p *Pool) Size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.size
}

func (p *Pool) Submit(t func()) { p.tasks <- t }

func (p *Pool) Stop() {
	close(p.tasks)
	p.wg.Wait()
}

func main() {
	p := NewPool()
	var mu sync.Mutex
	var seen []int
	record := func(i int) func() {
		return func() {
			mu.Lock()
			seen = append(seen, i)
			mu.Unlock()
		}
	}
	p.Resize(2)
	p.Submit(record(0))
	p.Submit(record(1))
	p.Resize(1)
	p.Submit(record(2))
	p.Resize(2)
	p.Submit(record(3))
	p.Stop()
	sort.Ints(seen)
	fmt.Println(seen, "size", p.Size(), "started", p.started)
}
