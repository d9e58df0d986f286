// expect: outcomes "ready 2\n"
//
// Signal called without holding the lock (allowed), with the waiter
// looping on its condition under the lock. go run -race: ready 2 (two
// runs).
// (issue 15, outside round.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			ready++
			mu.Unlock()
			cond.Signal() // signalling without the lock is allowed
		}()
	}
	mu.Lock()
	for ready < 2 {
		cond.Wait()
	}
	mu.Unlock()
	wg.Wait()
	fmt.Println("ready", ready)
}
