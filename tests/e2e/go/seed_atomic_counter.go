// expect: outcomes "Final Counter: 10\n"
// weft: --strategy random --max-executions 300
// From the seed "Go Concurrency Patterns" (Atomic Operations), unmodified.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var counter int32
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt32(&counter, 1)
		}()
	}
	wg.Wait()
	fmt.Println("Final Counter:", atomic.LoadInt32(&counter))
}
