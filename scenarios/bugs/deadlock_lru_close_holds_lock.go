// expect: deadlock
//
// An LRU cache's janitor evicts expired entries under the cache's
// mutex on every tick; Close takes the same mutex (to clear the map)
// and, still holding it, tells the janitor to stop with an unbuffered
// send. When a tick has fired, the janitor is waiting for the mutex
// and never reaches its receive: Close and the janitor wait on each
// other.
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) hangs: the live ticker keeps the runtime's deadlock detector
// quiet.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]time.Time
	stop  chan struct{}
}

func New(every time.Duration) *Cache {
	c := &Cache{items: map[string]time.Time{}, stop: make(chan struct{})}
	go c.janitor(every)
	return c
}

func (c *Cache) janitor(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-t.C:
			c.mu.Lock()
			for k, exp := range c.items {
				if now.After(exp) {
					delete(c.items, k)
				}
			}
			c.mu.Unlock()
		}
	}
}

func (c *Cache) Set(k string, ttl time.Duration) {
	c.mu.Lock()
	c.items[k] = time.Now().Add(ttl)
	c.mu.Unlock()
}

func (c *Cache) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = nil
	c.stop <- struct{}{} // BUG: sent while holding c.mu
}

func main() {
	c := New(10 * time.Millisecond)
	c.Set("a", 5*time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	c.Close()
	fmt.Println("closed")
}
