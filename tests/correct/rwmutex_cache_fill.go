// expect: ok outcomes "value-4 2\n"
//
// A read-through cache: RLock for the hit, Lock and a second look for the
// miss, so each key is loaded once whatever the interleaving.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	data  map[int]string
	loads int
}

func NewCache() *Cache { return &Cache{data: map[int]string{}} }

func (c *Cache) Get(k int) string {
	c.mu.RLock()
	v, ok := c.data[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[k]; ok { // someone loaded it meanwhile
		return v
	}
	v = fmt.Sprintf("value-%d", k*k)
	c.data[k] = v
	c.loads++
	return v
}

func (c *Cache) Loads() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.loads
}

func main() {
	c := NewCache()
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Get(1)
			c.Get(2)
		}()
	}
	wg.Wait()
	fmt.Println(c.Get(2), c.Loads())
}
