// expect: race
//
// A TTL cache whose expiry, a time.AfterFunc callback, deletes from the map
// without the lock Set and Len take: the callback runs on its own goroutine.
// go run -race: DATA RACE, four runs of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Cache) Set(k string, v int, ttl time.Duration) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
	time.AfterFunc(ttl, func() {
		delete(c.m, k) // BUG: the expiry runs on its own goroutine, unlocked
	})
}

func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

func main() {
	c := &Cache{m: map[string]int{}}
	c.Set("a", 1, time.Millisecond)
	time.Sleep(2 * time.Millisecond)
	fmt.Println(c.Len())
}
