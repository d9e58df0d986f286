// A lost wakeup: three workers wait with `if`, not `for`, and main
// Signals once where it should Broadcast: one or two workers sleep on.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			if !ready {
				cond.Wait()
			}
			mu.Unlock()
			fmt.Println("worker", id, "runs")
		}(i)
	}
	mu.Lock()
	ready = true
	mu.Unlock()
	cond.Signal()
	wg.Wait()
}
