// expect: ok outcomes "request 1\nrequest 2\nrequest 3\nrequest 4\nspaced out: true\n"
//
// Rate limiting with time.Tick: one request per 50 ms tick.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		requests <- i
	}
	close(requests)

	limiter := time.Tick(50 * time.Millisecond)
	start := time.Now()
	for req := range requests {
		<-limiter
		fmt.Println("request", req)
	}
	elapsed := time.Since(start)
	fmt.Println("spaced out:", elapsed >= 200*time.Millisecond)
}
