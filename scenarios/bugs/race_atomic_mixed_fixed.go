// expect: ok outcomes "true\n1\n"
//
// The fix of race_atomic_mixed.go: every concurrent access is atomic, and
// the plain read at the end comes after wg.Wait, which orders it after
// both goroutines' atomic adds.
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

func (c *Cache) Snapshot() uint64 { return atomic.LoadUint64(&c.hits) }

func main() {
	c := &Cache{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); c.Hit() }()
	go func() { defer wg.Done(); fmt.Println(c.Snapshot() <= 1) }()
	wg.Wait()
	fmt.Println(c.hits)
}
