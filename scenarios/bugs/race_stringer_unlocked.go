// expect: race
//
// A stats struct whose String method reads the counters without the lock
// the updaters take; fmt.Println calls it while a worker still runs.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Stats struct {
	mu       sync.Mutex
	requests int
	errors   int
}

func (s *Stats) Observe(err bool) {
	s.mu.Lock()
	s.requests++
	if err {
		s.errors++
	}
	s.mu.Unlock()
}

func (s *Stats) String() string {
	return fmt.Sprintf("requests=%d errors=%d", s.requests, s.errors) // BUG: no lock
}

func main() {
	s := &Stats{}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
				s.Observe(i%3 == 0)
				time.Sleep(time.Millisecond)
			}
		}
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println(s)
	close(stop)
	<-done
}
