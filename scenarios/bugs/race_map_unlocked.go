// expect: race
//
// Record writes a map from two goroutines without a lock.
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	hits map[string]int
}

func (s *Stats) Record(path string) {
	s.hits[path]++ // BUG: map written by several goroutines without a lock
}

func main() {
	s := &Stats{hits: map[string]int{}}
	var wg sync.WaitGroup
	for _, p := range []string{"/", "/about"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			s.Record(p)
		}(p)
	}
	wg.Wait()
	fmt.Println(len(s.hits))
}
