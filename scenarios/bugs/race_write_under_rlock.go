// expect: race
//
// A TTL cache that refreshes the entry's last-access time in Get while
// holding only the read lock: two readers write the same field at once.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type item struct {
	val        string
	lastAccess time.Time
}

type Cache struct {
	mu    sync.RWMutex
	items map[string]*item
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	it, ok := c.items[k]
	if !ok {
		return "", false
	}
	it.lastAccess = time.Now() // BUG: a write under a read lock
	return it.val, true
}

func main() {
	c := &Cache{items: map[string]*item{"k": {val: "v"}}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Get("k")
		}()
	}
	wg.Wait()
	v, _ := c.Get("k")
	fmt.Println(v)
}
