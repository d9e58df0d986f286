// expect: panic
// weft: --max-executions 300
//
// Table-driven parallel subtests that share a "server" started once by
// the parent; each subtest registers a t.Cleanup that closes the server's
// quit channel "so nothing leaks". The second cleanup to run closes it
// again: go test panics with "close of closed channel".
package server

import (
	"sync"
	"testing"
)

type server struct {
	mu    sync.Mutex
	hits  map[string]int
	quit  chan struct{}
	reqs  chan string
	ended chan struct{}
}

func start() *server {
	s := &server{hits: map[string]int{}, quit: make(chan struct{}), reqs: make(chan string), ended: make(chan struct{})}
	go func() {
		defer close(s.ended)
		for {
			select {
			case r := <-s.reqs:
				s.mu.Lock()
				s.hits[r]++
				s.mu.Unlock()
			case <-s.quit:
				return
			}
		}
	}()
	return s
}

func (s *server) get(path string) {
	select {
	case s.reqs <- path:
	case <-s.quit:
	}
}

func TestPaths(t *testing.T) {
	s := start()
	for _, p := range []string{"/a", "/b"} {
		p := p
		t.Run(p, func(t *testing.T) {
			t.Parallel()
			t.Cleanup(func() { close(s.quit) }) // BUG: every subtest closes the shared channel
			s.get(p)
		})
	}
}
