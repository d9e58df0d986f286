// expect: deadlock
//
// "The last worker publishes the summary": each worker, after its part,
// calls wg.Wait to find out whether the others are done. A worker waits
// on a counter that includes its own Done, which it has not called yet.
// (outside round 3: a bug written as engineers write it; go run (without
// -race) reports "all goroutines are asleep" in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	parts := make([]int, 0, 2)
	summary := make(chan int, 2)
	for w := 1; w <= 2; w++ {
		wg.Add(1)
		go func(w int) {
			mu.Lock()
			parts = append(parts, w*w)
			mu.Unlock()
			wg.Wait()
			summary <- len(parts)
			wg.Done()
		}(w)
	}
	fmt.Println(<-summary)
}
