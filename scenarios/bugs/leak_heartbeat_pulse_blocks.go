// expect: leak
//
// Heartbeats from Concurrency in Go, chapter 5, with the pulse sent
// without a select default: the worker blocks on the heartbeat channel as
// soon as nobody reads it. main reads two results (one every millisecond),
// ignoring the heartbeat (every 50 ms), and returns without closing done;
// the worker is left running, and would block on its first pulse for ever
// (go run prints the results and exits 0).
package main

import (
	"fmt"
	"time"
)

func doWork(done <-chan struct{}, pulseInterval time.Duration) (<-chan struct{}, <-chan int) {
	heartbeat := make(chan struct{})
	results := make(chan int)
	go func() {
		defer close(heartbeat)
		defer close(results)

		pulse := time.NewTicker(pulseInterval)
		defer pulse.Stop()
		work := time.NewTicker(pulseInterval / 50)
		defer work.Stop()

		n := 0
		for {
			select {
			case <-done:
				return
			case <-pulse.C:
				heartbeat <- struct{}{} // BUG: no default, no done: blocks when unread
			case <-work.C:
				n++
				select {
				case results <- n:
				case <-done:
					return
				}
			}
		}
	}()
	return heartbeat, results
}

func main() {
	done := make(chan struct{})
	_, results := doWork(done, 50*time.Millisecond)
	for i := 0; i < 2; i++ {
		fmt.Println("result", <-results)
	}
	// BUG: done is never closed either; the worker would still be blocked
	// on its heartbeat send, which nobody reads.
}
