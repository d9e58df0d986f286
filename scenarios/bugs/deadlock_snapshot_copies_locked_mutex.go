// expect: deadlock
//
// A stats struct embeds its mutex; Snapshot returns a copy of the whole
// struct "under the lock" (return *s with a deferred Unlock). The copy
// is taken while the mutex is locked, so the snapshot's own mutex is
// locked forever (go vet's copylocks warns of this), and the report
// code that locks the snapshot to read it blocks.
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) reports "all goroutines are asleep".)
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	sync.Mutex
	Requests int
	Errors   int
}

func (s *Stats) Record(err error) {
	s.Lock()
	defer s.Unlock()
	s.Requests++
	if err != nil {
		s.Errors++
	}
}

func (s *Stats) Snapshot() Stats {
	s.Lock()
	defer s.Unlock()
	return *s // BUG: copies the locked mutex too
}

func (s *Stats) String() string {
	s.Lock()
	defer s.Unlock()
	return fmt.Sprintf("%d requests, %d errors", s.Requests, s.Errors)
}

func main() {
	var st Stats
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var err error
			if i == 1 {
				err = fmt.Errorf("request %d failed", i)
			}
			st.Record(err)
		}(i)
	}
	wg.Wait()
	snap := st.Snapshot()
	fmt.Println(snap.String())
}
