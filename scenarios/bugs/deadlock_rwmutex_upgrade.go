// expect: deadlock
//
// A cache that "upgrades" its read lock: on a miss it calls Lock while
// still holding RLock. The writer waits for all readers, itself included.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) GetOrCompute(k string, f func() int) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if v, ok := c.data[k]; ok {
		return v
	}
	c.mu.Lock() // BUG: still holding the read lock
	v := f()
	c.data[k] = v
	c.mu.Unlock()
	return v
}

func main() {
	c := &Cache{data: map[string]int{"a": 1}}
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			fmt.Println(k, c.GetOrCompute(k, func() int { return len(k) }))
		}(k)
	}
	wg.Wait()
}
