// expect: race
// weft: --max-executions 50
//
// The Go Programming Language's spinner (8.1), extended by a student: the
// spinner goroutine also shows a status message that main updates between
// phases of its computation, through a plain package variable. The spinner
// reads status while main writes it: go run -race reports a DATA RACE.
// The spinner is told to stop through a channel, and main waits for it.
package main

import (
	"fmt"
	"strings"
	"time"
)

var status = "starting"

func spinner(delay time.Duration, stop <-chan struct{}, done chan<- int) {
	frames := 0
	for {
		for _, r := range `-\|/` {
			select {
			case <-stop:
				done <- frames
				return
			default:
			}
			line := fmt.Sprintf("\r%c %s", r, status) // BUG: reads status unsynchronized
			_ = strings.TrimSpace(line)
			frames++
			time.Sleep(delay)
		}
	}
}

func fib(x int) int {
	if x < 2 {
		return x
	}
	return fib(x-1) + fib(x-2)
}

func main() {
	stop := make(chan struct{})
	done := make(chan int)
	go spinner(time.Millisecond, stop, done)

	results := make([]int, 0, 3)
	for _, n := range []int{8, 10, 12} {
		status = fmt.Sprintf("computing fib(%d)", n) // BUG: written while the spinner reads it
		results = append(results, fib(n))
		time.Sleep(2 * time.Millisecond)
	}
	close(stop)
	<-done
	fmt.Println("results:", results)
}
