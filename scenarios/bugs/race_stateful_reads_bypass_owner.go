// expect: race
//
// Go by Example's stateful goroutines, "optimized" by a student: writes
// still go through the owning goroutine, but reads look the map up
// directly to avoid the round trip. The owner's map writes race with the
// readers' map reads (go run -race: DATA RACE; plain go run may also
// die with "concurrent map read and map write").
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type writeOp struct {
	key, val int
	resp     chan bool
}

type store struct {
	state  map[int]int
	writes chan writeOp
}

func newStore() *store {
	s := &store{state: make(map[int]int), writes: make(chan writeOp)}
	go func() {
		for w := range s.writes {
			s.state[w.key] = w.val
			w.resp <- true
		}
	}()
	return s
}

func (s *store) set(k, v int) {
	w := writeOp{k, v, make(chan bool)}
	s.writes <- w
	<-w.resp
}

// get skips the owner goroutine: "reads are harmless".
func (s *store) get(k int) int {
	return s.state[k] // BUG: reads the owner's map concurrently with its writes
}

func main() {
	s := newStore()
	var reads, writes int64
	var wg sync.WaitGroup

	wg.Add(2)
	go func() {
		defer wg.Done()
		for k := 0; k < 4; k++ {
			s.set(k, k*k)
			atomic.AddInt64(&writes, 1)
		}
	}()
	go func() {
		defer wg.Done()
		sum := 0
		for k := 0; k < 4; k++ {
			sum += s.get(k)
			atomic.AddInt64(&reads, 1)
		}
		_ = sum
	}()
	wg.Wait()
	close(s.writes)
	fmt.Println("reads", atomic.LoadInt64(&reads), "writes", atomic.LoadInt64(&writes))
}
