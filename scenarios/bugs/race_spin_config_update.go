// expect: race
// weft: --max-steps 20000
//
// A reporter goroutine polls its stop channel with a default case and
// reads the shared limit on every turn; main sleeps a millisecond to let
// it start, then raises the limit without a lock. The write and the
// reporter's reads are not ordered (a sleep orders nothing): go run
// -race reports it in 6 runs of 6 (GOMAXPROCS 1, 2, 4). Under strict virtual time main's
// sleep would end only when the reporter blocks, which it never does
// (each execution runs to the step budget, kept small): the timing
// search lets the sleep end while it runs.
package main

import (
	"fmt"
	"time"
)

type settings struct {
	limit int
}

func report(s *settings, stop <-chan struct{}, seen chan<- int) {
	over := 0
	for i := 0; ; i++ {
		select {
		case <-stop:
			seen <- over
			return
		default:
		}
		if i%7 > s.limit {
			over++
		}
	}
}

func main() {
	s := &settings{limit: 3}
	stop := make(chan struct{})
	seen := make(chan int)
	go report(s, stop, seen)
	time.Sleep(time.Millisecond)
	s.limit = 5
	close(stop)
	fmt.Println(<-seen >= 0)
}
