// expect: race
//
// Per-status request counters kept in an array of atomic.Int64: Handle
// adds to one atomically, but Snapshot returns the array by value, a
// plain read of every counter's word, which races with the Add (go vet:
// copylocks). go run -race: DATA RACE (the Add's atomic write against the
// copy's read), 10 runs at each of GOMAXPROCS 1, 2, 4.
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

// Snapshot: BUG, a copy of the atomics, not an atomic Load of each.
func (c *Counters) Snapshot() [nStatus]atomic.Int64 { return c.byStatus }

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
	fmt.Println(snap[OK].Load())
}
