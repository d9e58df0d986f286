// expect: ok
//
// Go by Example's rate limiting, from memory but with a stopped ticker and
// a done channel: a limiter goroutine refills a bursty token channel (room
// for 3) from a ticker; requests are served as tokens arrive. After the
// last request main stops the refiller and waits for it.
package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)

	limiter := time.NewTicker(2 * time.Millisecond)
	for req := range requests {
		<-limiter.C
		fmt.Println("request", req)
	}
	limiter.Stop()

	burstyLimiter := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		burstyLimiter <- time.Now()
	}

	done := make(chan struct{})
	refillerDone := make(chan struct{})
	go func() {
		defer close(refillerDone)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				select {
				case burstyLimiter <- now:
				case <-done:
					return
				}
			case <-done:
				return
			}
		}
	}()

	burstyRequests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		burstyRequests <- i
	}
	close(burstyRequests)
	for req := range burstyRequests {
		<-burstyLimiter
		fmt.Println("bursty request", req)
	}
	close(done)
	<-refillerDone
	fmt.Println("limiter stopped")
}
