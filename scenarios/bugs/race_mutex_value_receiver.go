// expect: race
//
// A counter type with a value receiver: each call locks a copy of the
// mutex, so the map (shared by the copies) is written concurrently.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c Counter) Inc(k string) { // BUG: value receiver copies mu
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k]++
}

func main() {
	c := Counter{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("hits")
		}()
	}
	wg.Wait()
	fmt.Println(c.m["hits"])
}
