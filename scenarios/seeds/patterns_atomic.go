// expect: ok outcomes "Final Counter: 10\n"
// weft: --max-executions 2000
//
// "Go Concurrency Patterns" (seeds/002), section Atomic Operations,
// unmodified: ten goroutines atomic.AddInt32 a counter; main loads it
// after wg.Wait. No race, always 10.
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
