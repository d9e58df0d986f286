// expect: leak
//
// A server starts a heartbeat goroutine ranging over a ticker with no way
// out: it outlives Serve and main (goleak would report it). go run -race
// prints 3 and exits 0: Go ends the program with it running.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type Server struct {
	beats int64
}

func (s *Server) heartbeat() {
	t := time.NewTicker(time.Millisecond)
	for range t.C { // BUG: no way out; the goroutine outlives Serve
		atomic.AddInt64(&s.beats, 1)
	}
}

func (s *Server) Serve(reqs []string) int {
	go s.heartbeat()
	n := 0
	for _, r := range reqs {
		n += len(r)
	}
	return n
}

func main() {
	s := &Server{}
	fmt.Println(s.Serve([]string{"a", "bc"}))
}
