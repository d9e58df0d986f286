// expect: ok outcomes "Final Counter: 10\n"
// weft: --max-executions 2000
//
// "Go Concurrency Patterns" (seeds/002), section Mutex, unmodified: ten
// goroutines increment a Counter whose methods hold its sync.Mutex. No
// race, and every execution prints 10. Ten goroutines make the full
// search large, hence the budget.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu    sync.Mutex
	value int
}

func (c *Counter) Increment() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.value++
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.value
}

func main() {
	counter := &Counter{}
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter.Increment()
		}()
	}
	wg.Wait()
	fmt.Println("Final Counter:", counter.Value())
}
