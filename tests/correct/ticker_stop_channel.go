// expect: outcomes "stopped\n"
//
// scenarios/bugs/race_ticker_stop_flag.go fixed: Stop closes a channel the poller
// selects on. go run -race: stopped, four runs.
// (issue 15, outside round.)
package main

import (
	"fmt"
	"time"
)

type Poller struct {
	stop  chan struct{}
	polls chan int
}

func (p *Poller) run() {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	defer close(p.polls)
	n := 0
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			n++
			select {
			case p.polls <- n:
			default:
			}
		}
	}
}

func (p *Poller) Stop() { close(p.stop) }

func main() {
	p := &Poller{stop: make(chan struct{}), polls: make(chan int, 1)}
	go p.run()
	<-p.polls
	p.Stop()
	for range p.polls {
	}
	fmt.Println("stopped")
}
