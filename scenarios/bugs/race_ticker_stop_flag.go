// expect: race
//
// A ticker-driven poller checks a plain stopped flag that Stop sets from
// another goroutine. go run -race: DATA RACE, four runs of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"time"
)

type Poller struct {
	stopped bool
	polls   chan int
}

func (p *Poller) run() {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	n := 0
	for range t.C {
		if p.stopped { // BUG: read of a flag Stop writes without sync
			close(p.polls)
			return
		}
		n++
		select {
		case p.polls <- n:
		default:
		}
	}
}

func (p *Poller) Stop() { p.stopped = true }

func main() {
	p := &Poller{polls: make(chan int, 1)}
	go p.run()
	<-p.polls
	p.Stop()
	for range p.polls {
	}
	fmt.Println("stopped")
}
