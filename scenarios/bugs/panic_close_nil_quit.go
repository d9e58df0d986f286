// expect: panic race
//
// A poller that makes its quit channel inside the goroutine Start launches:
// a Stop that comes first closes a nil channel (and the field is read and
// written without synchronisation).
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Poller struct {
	quit  chan struct{}
	wg    sync.WaitGroup
	polls int
}

func (p *Poller) Start() {
	p.wg.Add(1)
	go p.loop()
}

func (p *Poller) loop() {
	defer p.wg.Done()
	p.quit = make(chan struct{}) // BUG: made on the goroutine, not in Start
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			p.polls++
		case <-p.quit:
			return
		}
	}
}

func (p *Poller) Stop() {
	close(p.quit)
	p.wg.Wait()
}

func main() {
	p := &Poller{}
	p.Start()
	p.Stop()
	fmt.Println("stopped")
}
