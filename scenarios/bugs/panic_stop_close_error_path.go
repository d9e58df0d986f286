// expect: panic
//
// A poller whose Stop closes its quit channel inside a sync.Once, but
// whose error path, added later, closes quit directly: when a poll fails
// while Stop is being called, both close the channel and the second close
// panics.
// (outside round 3: a bug written as engineers write it; go run -race x12
// panics with "close of closed channel" in 1 run, x12 without -race in none:
// the poll must fail before Stop closes quit.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Poller struct {
	quit     chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup
}

func (p *Poller) Stop() {
	p.stopOnce.Do(func() { close(p.quit) })
	p.wg.Wait()
}

func (p *Poller) poll(i int) error {
	if i == 1 {
		return errors.New("backend unavailable")
	}
	return nil
}

func (p *Poller) Start() {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for i := 0; ; i++ {
			select {
			case <-p.quit:
				return
			default:
			}
			if err := p.poll(i); err != nil {
				close(p.quit) // give up: should be p.stopOnce.Do(...)
				return
			}
		}
	}()
}

func main() {
	p := &Poller{quit: make(chan struct{})}
	p.Start()
	p.Stop()
	fmt.Println("stopped")
}
