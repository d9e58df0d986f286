// expect: deadlock
//
// Shutdown wakes the idle workers with Signal instead of Broadcast: only
// one of the parked workers sees closed; the others sleep forever and
// main's Wait never returns.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Pool struct {
	mu     sync.Mutex
	cond   *sync.Cond
	jobs   []int
	closed bool
	wg     sync.WaitGroup
}

func (p *Pool) worker() {
	defer p.wg.Done()
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		for len(p.jobs) == 0 && !p.closed {
			p.cond.Wait()
		}
		if len(p.jobs) == 0 {
			return
		}
		p.jobs = p.jobs[1:]
	}
}

func (p *Pool) Shutdown() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cond.Signal() // BUG: should be Broadcast
	p.wg.Wait()
}

func main() {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	for i := 0; i < 2; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	p.Shutdown()
	fmt.Println("pool stopped")
}
