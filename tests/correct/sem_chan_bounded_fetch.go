// expect: ok
//
// golang.org/x/sync/semaphore's use as a limiter, written with a buffered
// channel: at most two fetches at once; every path releases its token
// (defer), and the peak is counted under a mutex.
package main

import (
	"fmt"
	"sync"
)

type limiter chan struct{}

func (l limiter) acquire() { l <- struct{}{} }
func (l limiter) release() { <-l }

func main() {
	sem := make(limiter, 2)
	var mu sync.Mutex
	var wg sync.WaitGroup
	running, peak := 0, 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem.acquire()
			defer sem.release()
			mu.Lock()
			running++
			if running > peak {
				peak = running
			}
			mu.Unlock()
			defer func() {
				mu.Lock()
				running--
				mu.Unlock()
			}()
			if i == 1 {
				return // an early return still releases
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(peak <= 2)
}
