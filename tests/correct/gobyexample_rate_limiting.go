// expect: ok
// weft: --max-executions 50
//
// Go by Example, "Rate Limiting": a ticker paces the requests, a buffered
// channel allows bursts. The bursty limiter's filler goroutine is told to
// stop (the original leaves it ticking when main returns).
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

	limiter := time.NewTicker(200 * time.Millisecond)
	for req := range requests {
		<-limiter.C
		fmt.Println("request", req, time.Now().UnixMilli())
	}
	limiter.Stop()

	burstyLimiter := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		burstyLimiter <- time.Now()
	}
	stop := make(chan bool)
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				select {
				case burstyLimiter <- now:
				case <-stop:
					return
				}
			case <-stop:
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
		fmt.Println("request", req, time.Now().UnixMilli())
	}
	close(stop)
}
