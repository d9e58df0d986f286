// expect: leak
//
// A server's graceful shutdown waits for in-flight requests with a
// deadline: after 50 ms it gives up and returns. A slow handler finishing
// after that sends its response on an unbuffered channel that nobody
// reads any more, so its goroutine never ends.
// (outside round 5: a bug written as engineers write it; go run -race
// prints "shutdown: timed out" and exits 0: Go does not report the
// blocked handler; goleak would.)
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Server struct {
	inflight sync.WaitGroup
	results  chan string
}

func (s *Server) Handle(id int, cost time.Duration) {
	s.inflight.Add(1)
	go func() {
		defer s.inflight.Done()
		time.Sleep(cost)
		s.results <- fmt.Sprintf("req %d done", id) // BUG: blocks once nobody reads
	}()
}

func (s *Server) Shutdown(timeout time.Duration) error {
	idle := make(chan struct{})
	go func() {
		s.inflight.Wait()
		close(idle)
	}()
	for {
		select {
		case r := <-s.results:
			_ = r
		case <-idle:
			return nil
		case <-time.After(timeout):
			return errors.New("timed out")
		}
	}
}

func main() {
	s := &Server{results: make(chan string)}
	s.Handle(1, 10*time.Millisecond)
	s.Handle(2, 200*time.Millisecond)
	if err := s.Shutdown(50 * time.Millisecond); err != nil {
		fmt.Println("shutdown:", err)
	}
}
