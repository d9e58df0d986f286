// expect: race
//
// Stats copies a struct of atomic.Int64 counters while Handle adds to one:
// the copy is a plain read of the atomics' words, racing with the Add
// (go vet: copylocks). go run -race: DATA RACE, four runs of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
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
	snap := s.m // BUG: a plain copy of the atomics while Handle adds
	return snap.Requests.Load(), snap.Errors.Load()
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
	fmt.Println(r <= 1, e)
}
