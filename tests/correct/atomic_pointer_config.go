// expect: ok outcomes "v2 3 2.0\nrequests 3 errors 1\n"
//
// Counters with atomic.Int64 and atomic.AddInt64, a config swapped with
// atomic.Pointer[T].CompareAndSwap, a version in an atomic.Value.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Retries int
}

type Server struct {
	cfg      atomic.Pointer[Config]
	requests atomic.Int64
	errors   int64
	version  atomic.Value
}

func (s *Server) handle(fail bool) {
	s.requests.Add(1)
	if fail {
		atomic.AddInt64(&s.errors, 1)
	}
	c := s.cfg.Load()
	_ = c.Retries
}

func main() {
	s := &Server{}
	s.cfg.Store(&Config{Name: "v1", Retries: 1})
	s.version.Store("1.0")

	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.handle(i == 1)
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		old := s.cfg.Load()
		next := &Config{Name: "v2", Retries: old.Retries + 2}
		s.cfg.CompareAndSwap(old, next)
		s.version.Store("2.0")
	}()
	wg.Wait()
	fmt.Println(s.cfg.Load().Name, s.cfg.Load().Retries, s.version.Load().(string))
	fmt.Println("requests", s.requests.Load(), "errors", atomic.LoadInt64(&s.errors))
}
