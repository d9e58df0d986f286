// expect: race panic
//
// stop closes done and then the output channel; the producer's select has
// both a send on out and a receive on done. When both are ready Go picks
// one at random, and the send on the closed out panics.
// (issue 15, outside round: a bug written as engineers write it; go run
// -race: the race in 12 of 12 runs, the panic in some.)
package main

import (
	"fmt"
	"sync"
)

type gen struct {
	out  chan int
	done chan struct{}
	wg   sync.WaitGroup
}

func (g *gen) run() {
	defer g.wg.Done()
	for i := 0; ; i++ {
		select {
		case g.out <- i:
		case <-g.done:
			return
		}
	}
}

func (g *gen) stop() {
	close(g.done)
	close(g.out)
	g.wg.Wait()
}

func main() {
	g := &gen{out: make(chan int, 1), done: make(chan struct{})}
	g.wg.Add(1)
	go g.run()
	fmt.Println(<-g.out, <-g.out)
	g.stop()
}
