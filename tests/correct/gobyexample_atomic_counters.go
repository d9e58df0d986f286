// expect: outcomes "ops: 15\n"
// weft: --max-executions 4
//
// Go by Example, "Atomic Counters" (3 goroutines, 5 increments each here
// instead of 50 and 1000: executions the sleep sets block are not counted
// by --max-executions, and with 10 goroutines the search runs thousands
// of them for each one counted; an open issue of the reduction).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ops atomic.Uint64
	var wg sync.WaitGroup

	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 5; c++ {
				ops.Add(1)
			}
			wg.Done()
		}()
	}

	wg.Wait()
	fmt.Println("ops:", ops.Load())
}
