// expect: ok
//
// Readers and a writer sharing a map through a sync.RWMutex: readers may
// read together, the writer writes alone; no race, no deadlock.
package main

import (
	"fmt"
	"sync"
)

type store struct {
	sync.RWMutex
	m map[string]int
}

func (s *store) get(k string) int {
	s.RLock()
	defer s.RUnlock()
	return s.m[k]
}

func (s *store) set(k string, v int) {
	s.Lock()
	s.m[k] = v
	s.Unlock()
}

func main() {
	s := &store{m: map[string]int{"a": 1}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = s.get("a")
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.set("a", 2)
	}()
	wg.Wait()
	fmt.Println("a =", s.get("a"))
}
