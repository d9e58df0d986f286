// expect: race
//
// Per-path hit counters updated by concurrent request handlers straight
// into a plain map: concurrent map writes, which the Go runtime may also
// stop with "fatal error: concurrent map writes".
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type Server struct {
	hits map[string]int
}

func (s *Server) handle(path string) string {
	s.hits[path]++
	return "200 " + path
}

func main() {
	s := &Server{hits: make(map[string]int)}
	var wg sync.WaitGroup
	for _, p := range []string{"/", "/login", "/"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			s.handle(p)
		}(p)
	}
	wg.Wait()
	fmt.Println(s.hits["/"] <= 2)
}
