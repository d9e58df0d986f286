// expect: race
//
// Snapshot copies an array field without the lock Add takes, before any
// element is written: the copy reads every element (one access for the
// whole array), so the later s.counts[2]++ races with it. go run -race:
// DATA RACE, four runs of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu     sync.Mutex
	counts [4]int
}

func (s *Stats) Add(i int) {
	s.mu.Lock()
	s.counts[i]++
	s.mu.Unlock()
}

func (s *Stats) Snapshot() [4]int {
	return s.counts // BUG: copied without the lock
}

func main() {
	s := &Stats{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Add(2)
	}()
	snap := s.Snapshot()
	wg.Wait()
	fmt.Println(snap[0])
}
