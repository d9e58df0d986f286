// expect: race
// weft: --max-executions 2000
//
// Go by Example's atomic counters, with one worker that was "optimized":
// fifty goroutines add to ops with atomic.AddUint64, but the batch worker
// adds its whole batch with a plain += under no lock. Mixing atomic and
// plain accesses is a data race (go run -race reports it).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type stats struct {
	ops     uint64
	batches uint64
}

func (s *stats) inc() { atomic.AddUint64(&s.ops, 1) }

func (s *stats) addBatch(n uint64) {
	s.ops += n // BUG: plain read-modify-write beside atomic adds
	atomic.AddUint64(&s.batches, 1)
}

func main() {
	var s stats
	var wg sync.WaitGroup

	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := 0; c < 10; c++ {
				s.inc()
			}
		}()
	}

	wg.Add(1)
	go func() {
		defer wg.Done()
		for b := 0; b < 3; b++ {
			s.addBatch(100)
		}
	}()

	wg.Wait()
	fmt.Println("ops:", atomic.LoadUint64(&s.ops))
	fmt.Println("batches:", atomic.LoadUint64(&s.batches))
}
