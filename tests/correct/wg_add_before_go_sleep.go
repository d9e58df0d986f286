// expect: ok
//
// scenarios/bugs/race_waitgroup_add_in_handler.go fixed: the server calls
// Add before it starts each handler, so every Add happens before the
// shutdown's Wait, however soon main's millisecond sleep ends. go run
// -race: no race (nine runs, GOMAXPROCS 1, 2, 4).
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

func (s *server) serve(reqs <-chan int, started chan<- bool) {
	for r := range reqs {
		s.wg.Add(1)
		go func(r int) {
			defer s.wg.Done()
			work(r)
			s.mu.Lock()
			s.done++
			s.mu.Unlock()
		}(r)
		started <- true
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
	started := make(chan bool)
	go s.serve(reqs, started)
	for i := 0; i < 2; i++ {
		reqs <- 200000
		<-started
	}
	time.Sleep(time.Millisecond)
	close(reqs)
	fmt.Println(s.shutdown())
}
