// expect: race
// weft: --max-executions 50
//
// Go by Example's rate limiting, handled concurrently: each request that
// gets a token is served by its own goroutine, which increments the
// package counter served without synchronization. Two handlers run at
// once after a burst: go run -race reports the race on served.
package main

import (
	"fmt"
	"sync"
	"time"
)

var served int

func handle(req int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Millisecond) // the work
	served++                     // BUG: concurrent handlers, no lock
}

func main() {
	burst := make(chan struct{}, 3)
	for i := 0; i < 3; i++ {
		burst <- struct{}{}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				select {
				case burst <- struct{}{}:
				default:
				}
			case <-done:
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for req := 1; req <= 6; req++ {
		<-burst
		wg.Add(1)
		go handle(req, &wg)
	}
	wg.Wait()
	close(done)
	fmt.Println("served", served)
}
