// expect: ok outcomes "2 2\n"
//
// A task tracker built on sync.Cond: Start and Finish adjust a pending
// count under the lock, Finish broadcasts when it reaches zero, and Drain
// waits in a predicate loop. Several goroutines can Drain at once; a
// Broadcast wakes them all and each re-checks the predicate.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
)

type Tracker struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending int
	done    int
}

func NewTracker() *Tracker {
	t := &Tracker{}
	t.cond = sync.NewCond(&t.mu)
	return t
}

func (t *Tracker) Start() {
	t.mu.Lock()
	t.pending++
	t.mu.Unlock()
}

func (t *Tracker) Finish() {
	t.mu.Lock()
	t.pending--
	t.done++
	if t.pending == 0 {
		t.cond.Broadcast()
	}
	t.mu.Unlock()
}

func (t *Tracker) Drain() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.pending > 0 {
		t.cond.Wait()
	}
	return t.done
}

func main() {
	tr := NewTracker()
	for i := 0; i < 2; i++ {
		tr.Start()
		go tr.Finish()
	}
	res := make(chan int)
	go func() { res <- tr.Drain() }()
	a := tr.Drain()
	b := <-res
	fmt.Println(a, b)
}
