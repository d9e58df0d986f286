// expect: outcomes "0 1\n"
//
// scenarios/bugs/race_array_snapshot.go fixed: Snapshot copies the array under the lock.
// go run -race: "0 1", four runs.
// (issue 15, outside round.)
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
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts
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
	fmt.Println(snap[0], s.Snapshot()[2])
}
