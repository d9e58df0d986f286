// expect: ok outcomes "phase 0: 6\nphase 1: 15\nphase 2: 24\n"
//
// One WaitGroup reused across phases: each phase Adds, starts its workers
// and Waits before the next phase's Add, which the WaitGroup allows.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	for phase := 0; phase < 3; phase++ {
		sum := 0
		wg.Add(3)
		for i := 0; i < 3; i++ {
			go func(v int) {
				defer wg.Done()
				mu.Lock()
				sum += v
				mu.Unlock()
			}(phase*3 + i + 1)
		}
		wg.Wait()
		fmt.Printf("phase %d: %d\n", phase, sum)
	}
}
