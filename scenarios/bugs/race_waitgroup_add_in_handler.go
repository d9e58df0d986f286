// expect: race
//
// A server counts its running handlers with a WaitGroup, but each handler
// calls Add itself, inside the goroutine: Shutdown's Wait may start while
// a handler's Add has not happened before it. main sleeps a millisecond
// and shuts down while the handlers may still compute: go run -race
// reports the misuse (an Add from zero not ordered before Wait) when Wait
// finds a handler running: 2 runs of 9 here (GOMAXPROCS 2), 6 of 6 with
// ten times the work (too slow for weft's interpreter in make test).
// Under strict virtual time the handlers end before the sleep does; the
// timing search ends it while they run.
package main

import (
	"fmt"
	"sync"
	"time"
)

type server struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	done int
}

func work(n int) int {
	h := 0
	for i := 0; i < n; i++ {
		h ^= i * 7
	}
	return h
}

func (s *server) serve(reqs <-chan int) {
	for r := range reqs {
		go func(r int) {
			s.wg.Add(1) // BUG: Add belongs before the go statement
			defer s.wg.Done()
			work(r)
			s.mu.Lock()
			s.done++
			s.mu.Unlock()
		}(r)
	}
}

func (s *server) shutdown() int {
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done
}

func main() {
	s := &server{}
	reqs := make(chan int)
	go s.serve(reqs)
	reqs <- 4000000
	reqs <- 4000000
	time.Sleep(time.Millisecond)
	close(reqs)
	fmt.Println(s.shutdown() <= 2)
}
