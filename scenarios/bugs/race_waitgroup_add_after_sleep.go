// expect: race panic
//
// Workers call Add inside their goroutines while main sleeps half a
// millisecond and then waits (the shape of CockroachDB#4407 in GoBench).
// The sleep is no guarantee that the workers have started: a ready
// goroutine can wait longer than that for a processor, so Wait may run
// before an Add from zero, Go's race detector's WaitGroup misuse. A sleep
// shorter than a millisecond ends early even under strict
// time, so weft tries main's Wait before the workers run. And when the
// first worker's Done has released main's Wait but main has not run yet,
// the second worker's Add makes that Wait panic as it returns: "sync:
// WaitGroup is reused before previous Wait has returned".
package main

import (
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := 0; i < 2; i++ {
		go func() {
			mu.Lock()
			defer mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
			}()
		}()
	}
	time.Sleep(500 * time.Microsecond)
	wg.Wait()
}
