// expect: outcomes "true 0 1\n"
//
// scenarios/bugs/race_atomic_int64_struct_copy.go fixed: Stats loads each
// counter. go run -race: true 0 1, four runs.
// (issue 15, outside round.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Metrics struct {
	Requests atomic.Int64
	Errors   atomic.Int64
}

type Server struct {
	m Metrics
}

func (s *Server) Handle() { s.m.Requests.Add(1) }

func (s *Server) Stats() (int64, int64) {
	return s.m.Requests.Load(), s.m.Errors.Load()
}

func main() {
	s := &Server{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Handle()
	}()
	r, e := s.Stats()
	wg.Wait()
	r2, _ := s.Stats()
	fmt.Println(r <= 1, e, r2)
}
