// expect: panic
//
// A worker pool shrinks by closing its quit channel, which stops every
// worker, and then starts the number it wants to keep; the second
// shrink closes the same channel again, because the pool never made a
// fresh one: "close of closed channel".
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) panics with close of closed channel.)
package main

import (
	"fmt"
	"sync"
)

type Pool struct {
	mu    sync.Mutex
	tasks chan int
	quit  chan struct{}
	wg    sync.WaitGroup
	size  int
	sum   int
}

func (p *Pool) start(n int) {
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for {
				select {
				case t := <-p.tasks:
					p.mu.Lock()
					p.sum += t
					p.mu.Unlock()
				case <-p.quit:
					return
				}
			}
		}()
	}
	p.size += n
}

func (p *Pool) Resize(n int) {
	if n >= p.size {
		p.start(n - p.size)
		return
	}
	close(p.quit) // stop everyone...
	p.wg.Wait()
	p.size = 0
	p.start(n) // ...and restart n workers (BUG: on the same, closed, quit)
}

func main() {
	p := &Pool{tasks: make(chan int), quit: make(chan struct{})}
	p.Resize(2)
	p.tasks <- 1
	p.Resize(1) // the restarted workers see quit closed and leave at once
	p.Resize(0) // close of closed channel
	fmt.Println(p.sum)
}
