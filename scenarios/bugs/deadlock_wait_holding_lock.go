// expect: deadlock
//
// Shutdown waits for the workers while holding the lock the workers need
// to record their last result.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Collector struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results []int
}

func (c *Collector) worker(n int) {
	defer c.wg.Done()
	c.mu.Lock()
	c.results = append(c.results, n*n)
	c.mu.Unlock()
}

func (c *Collector) Close() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wg.Wait() // BUG: a worker may need c.mu to finish
	return c.results
}

func main() {
	c := &Collector{}
	for i := 1; i <= 2; i++ {
		c.wg.Add(1)
		go c.worker(i)
	}
	fmt.Println(len(c.Close()))
}
