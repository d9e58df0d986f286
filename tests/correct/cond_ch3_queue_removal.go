// expect: ok
//
// "Concurrency in Go" ch. 3, sync.Cond: a queue of at most two items;
// the producer waits on the condition in a loop while the queue is full,
// each consumer removes an item and signals.
package main

import (
	"fmt"
	"sync"
)

func main() {
	c := sync.NewCond(&sync.Mutex{})
	queue := make([]int, 0, 10)
	var wg sync.WaitGroup
	removeFromQueue := func() {
		defer wg.Done()
		c.L.Lock()
		for len(queue) == 0 {
			c.Wait()
		}
		queue = queue[1:]
		c.L.Unlock()
		c.Signal()
	}
	for i := 0; i < 4; i++ {
		c.L.Lock()
		for len(queue) == 2 {
			c.Wait()
		}
		queue = append(queue, i)
		wg.Add(1)
		go removeFromQueue()
		c.L.Unlock()
	}
	wg.Wait()
	fmt.Println(len(queue))
}
