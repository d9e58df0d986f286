// expect: race
//
// A struct copy reads every field (istio#8214's shape): Writes is counted
// with sync/atomic, but Stats returns the stats struct by value, a plain
// read of Writes concurrent with the atomic add. Go's race detector
// reports it; so does weft, naming the field.
package main

import (
	"sync"
	"sync/atomic"
)

type Stats struct {
	Writes uint64
	Hits   uint64
}

type cache struct {
	stats Stats
}

func (c *cache) Set()         { atomic.AddUint64(&c.stats.Writes, 1) }
func (c *cache) Stats() Stats { return c.stats }

func main() {
	c := &cache{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); c.Set() }()
	go func() { defer wg.Done(); c.Set(); _ = c.Stats() }()
	wg.Wait()
}
