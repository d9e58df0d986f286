// expect: ok
//
// scenarios/bugs/deadlock_rlock_recursive.go fixed: the read lock is taken
// once; the nested call runs with it held instead of taking it again.
package main

import "sync"

type cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *cache) getLocked(k string) int { return c.m[k] }

func (c *cache) get2(a, b string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.getLocked(a) + c.getLocked(b)
}

func main() {
	c := &cache{m: map[string]int{"x": 1}}
	done := make(chan bool)
	go func() {
		c.mu.Lock()
		c.m["y"] = 2
		c.mu.Unlock()
		done <- true
	}()
	_ = c.get2("x", "y")
	<-done
}
