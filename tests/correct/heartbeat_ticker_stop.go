// expect: outcomes "3\n"
//
// scenarios/bugs/leak_heartbeat_ticker.go fixed: Serve stops the heartbeat and waits for
// it. go run -race: 3, four runs.
// (issue 15, outside round.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Server struct {
	beats int64
	quit  chan struct{}
	wg    sync.WaitGroup
}

func (s *Server) heartbeat() {
	defer s.wg.Done()
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			atomic.AddInt64(&s.beats, 1)
		case <-s.quit:
			return
		}
	}
}

func (s *Server) Serve(reqs []string) int {
	s.wg.Add(1)
	go s.heartbeat()
	defer func() {
		close(s.quit)
		s.wg.Wait()
	}()
	n := 0
	for _, r := range reqs {
		n += len(r)
	}
	return n
}

func main() {
	s := &Server{quit: make(chan struct{})}
	fmt.Println(s.Serve([]string{"a", "bc"}))
}
