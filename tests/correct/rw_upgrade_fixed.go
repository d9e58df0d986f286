// expect: ok outcomes "[xx yy xx yy] 2\n"
//
// A read-through cache: a miss releases the read lock before taking the
// write lock and checks again under it (another loader may have won).
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	data  map[string]string
	loads int
}

func (c *Cache) Get(k string) string {
	c.mu.RLock()
	v, ok := c.data[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[k]; ok {
		return v
	}
	v = strings.Repeat(k, 2)
	c.data[k] = v
	c.loads++
	return v
}

func main() {
	c := &Cache{data: map[string]string{}}
	var wg sync.WaitGroup
	out := make([]string, 4)
	keys := []string{"x", "y", "x", "y"}
	for i := range keys {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out[i] = c.Get(keys[i])
		}(i)
	}
	wg.Wait()
	fmt.Println(out, c.loads)
}
