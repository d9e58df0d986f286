// expect: outcomes "0 1\n"
//
// scenarios/bugs/race_atomic_array_copy.go fixed: Snapshot loads each
// counter of the array of atomic.Int64 atomically instead of copying the
// array. go run -race: "0 1", no race, 10 runs at each of GOMAXPROCS
// 1, 2, 4.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const (
	OK = iota
	NotFound
	Failed
	nStatus
)

type Counters struct {
	byStatus [nStatus]atomic.Int64
}

func (c *Counters) Handle(status int) { c.byStatus[status].Add(1) }

func (c *Counters) Snapshot() [nStatus]int64 {
	var s [nStatus]int64
	for i := range c.byStatus {
		s[i] = c.byStatus[i].Load()
	}
	return s
}

func main() {
	c := &Counters{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Handle(NotFound)
	}()
	snap := c.Snapshot()
	wg.Wait()
	fmt.Println(snap[OK], c.Snapshot()[NotFound])
}
