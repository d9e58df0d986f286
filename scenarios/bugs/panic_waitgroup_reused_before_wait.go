// expect: race panic
//
// A watcher goroutine Waits on the WaitGroup to report each batch; main
// starts the next batch (Add) as soon as its own workers are done,
// without waiting for the watcher's Wait to return. Go's WaitGroup
// forbids that: "WaitGroup is reused before previous Wait has returned",
// and the race detector reports Add racing with Wait.
// (issue 15, outside round: go run -race reports the race in 4 of 12
// runs; the panic needs the watcher released by the Done and not yet run
// when main Adds, by reasoning on Go 1.19's sync/waitgroup.go.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	reported := make(chan int, 2)
	for batch := 0; batch < 2; batch++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
		}()
		go func(b int) {
			wg.Wait()
			reported <- b
		}(batch)
	}
	fmt.Println(<-reported + <-reported)
}
