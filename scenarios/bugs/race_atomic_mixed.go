// expect: race
//
// Mixed atomic and plain access (istio#8214's shape): the hits counter is
// incremented with sync/atomic, but Snapshot reads it plainly. An atomic
// operation is ordered only with other atomic operations, so the plain
// read races with the atomic add, as Go's race detector reports it. The
// fix is atomic.LoadUint64(&c.hits) (see race_atomic_mixed_fixed.go).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Cache struct {
	hits uint64
}

func (c *Cache) Hit() { atomic.AddUint64(&c.hits, 1) }

func (c *Cache) Snapshot() uint64 { return c.hits }

func main() {
	c := &Cache{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); c.Hit() }()
	go func() { defer wg.Done(); fmt.Println(c.Snapshot() <= 1) }()
	wg.Wait()
}
