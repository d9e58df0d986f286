// expect: leak
// weft: --max-executions 3
//
// A Go by Example style program with a "status logger": a goroutine
// ranging over time.Tick prints a status line every 10 ms while workers
// process jobs; nobody stops it. When main returns after the workers are
// done the logger is still waiting for its next tick. go run exits 0;
// weft warns of a leak (time stops at main's return, SPEC 2), as goleak
// would fail a test that left it running.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var processed int64
	go func() {
		for range time.Tick(10 * time.Millisecond) { // never stopped
			_ = atomic.LoadInt64(&processed)
		}
	}()

	jobs := make(chan int, 10)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				time.Sleep(time.Duration(j) * time.Millisecond)
				atomic.AddInt64(&processed, 1)
			}
		}()
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	fmt.Println("processed", atomic.LoadInt64(&processed))
}
