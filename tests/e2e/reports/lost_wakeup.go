// The classic lost wakeup: starter sets ready without the lock, so its
// Broadcast can fall between a worker's check (`if`, not `for`) and its Wait.
package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	cond  = sync.NewCond(&mu)
	ready bool
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	if !ready {
		cond.Wait()
	}
	mu.Unlock()
	fmt.Println("worker", id, "starts")
}

func starter() {
	ready = true
	cond.Broadcast()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(i, &wg)
	}
	go starter()
	wg.Wait()
}
