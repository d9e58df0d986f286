// expect: ok outcomes "6\n"
//
// Method values on goroutines with pointer receivers: `go c.add(n)` and a
// bound `inc := c.incr` started on goroutines all reach the same counter,
// which its mutex guards.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  int
	wg sync.WaitGroup
}

func (c *counter) add(d int) {
	defer c.wg.Done()
	c.mu.Lock()
	c.n += d
	c.mu.Unlock()
}

func (c *counter) incr() { c.add(1) }

func main() {
	c := &counter{}
	inc := c.incr
	c.wg.Add(4)
	go c.add(2)
	go c.add(2)
	go inc()
	go inc()
	c.wg.Wait()
	fmt.Println(c.n)
}
