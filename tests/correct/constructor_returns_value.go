// expect: outcomes "3\n"
//
// A constructor returning a struct holding a Mutex by value: copied before
// first use, then used only through a pointer (c.Inc). go run -race: 3,
// four runs.
// (issue 15, outside round.)
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func NewCounter() Counter { // a copy before first use: fine
	return Counter{n: map[string]int{}}
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	c.n[k]++
	c.mu.Unlock()
}

func main() {
	c := NewCounter()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("x")
		}()
	}
	wg.Wait()
	fmt.Println(c.n["x"])
}
