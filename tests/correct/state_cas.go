// expect: ok outcomes "started=1 stopped=1 starts=1 state=2\n"
//
// An idempotent Start/Stop lifecycle guarded by a CAS on an atomic.Int32
// state: concurrent Starts start once, concurrent Stops stop once.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const (
	idle int32 = iota
	running
	stopped
)

type Service struct {
	state  atomic.Int32
	quit   chan struct{}
	exited chan struct{}
	starts atomic.Int64
}

func (s *Service) Start() bool {
	if !s.state.CompareAndSwap(idle, running) {
		return false
	}
	s.starts.Add(1)
	go func() {
		defer close(s.exited)
		<-s.quit
	}()
	return true
}

func (s *Service) Stop() bool {
	if !s.state.CompareAndSwap(running, stopped) {
		return false
	}
	close(s.quit)
	<-s.exited
	return true
}

func main() {
	s := &Service{quit: make(chan struct{}), exited: make(chan struct{})}
	var wg sync.WaitGroup
	var started, stoppedN atomic.Int32
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s.Start() {
				started.Add(1)
			}
		}()
	}
	wg.Wait()
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s.Stop() {
				stoppedN.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Printf("started=%d stopped=%d starts=%d state=%d\n", started.Load(), stoppedN.Load(), s.starts.Load(), s.state.Load())
}
