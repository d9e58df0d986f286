// expect: outcomes "2 true 1\n"
//
// A metrics store written with Go 1.18's RWMutex.TryLock and TryRLock:
// workers record under Lock; a reporter that must never stall snapshots
// only when TryRLock took the read lock, and a compactor runs only when
// TryLock found the store idle. Every access to the map is under a lock
// a call really holds, so nothing races whatever the tries return.
// go run -race: "2 true 1", no race, 20 runs at each of GOMAXPROCS 1, 2, 4.
package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu          sync.RWMutex
	counts      map[string]int
	compactions int
}

func (s *Store) Record(k string) {
	s.mu.Lock()
	s.counts[k]++
	s.mu.Unlock()
}

// Snapshot copies the counts, or says false when a writer has the store.
func (s *Store) Snapshot() (map[string]int, bool) {
	if !s.mu.TryRLock() {
		return nil, false
	}
	defer s.mu.RUnlock()
	c := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		c[k] = v
	}
	return c, true
}

// Compact drops the zero counts, unless someone is using the store.
func (s *Store) Compact() bool {
	if !s.mu.TryLock() {
		return false
	}
	defer s.mu.Unlock()
	for k, v := range s.counts {
		if v == 0 {
			delete(s.counts, k)
		}
	}
	s.compactions++
	return true
}

func main() {
	s := &Store{counts: map[string]int{"idle": 0}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Record("hits")
		}()
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		if snap, ok := s.Snapshot(); ok && snap["hits"] > 2 {
			panic("more hits than recorded")
		}
	}()
	go func() {
		defer wg.Done()
		s.Compact()
	}()
	wg.Wait()

	// Alone now: what the tries say is decided.
	s.mu.RLock()
	if s.mu.TryLock() {
		panic("TryLock while read-locked")
	}
	if !s.mu.TryRLock() {
		panic("TryRLock refused beside another reader")
	}
	s.mu.RUnlock()
	s.mu.RUnlock()
	s.mu.Lock()
	if s.mu.TryRLock() {
		panic("TryRLock while write-locked")
	}
	s.mu.Unlock()
	if !s.Compact() {
		panic("TryLock refused an idle store")
	}
	snap, ok := s.Snapshot()
	fmt.Println(snap["hits"], ok, len(snap))
}
