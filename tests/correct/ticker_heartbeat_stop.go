// expect: ok outcomes "beat 1\nbeat 2\nbeat 3\ndone\n"
//
// A heartbeat on a ticker, stopped with a deferred Stop when the listener
// closes the stop channel; the listener drains until the beats close.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"time"
)

func heartbeat(stop <-chan struct{}, beats chan<- int) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	n := 0
	for {
		select {
		case <-t.C:
			n++
			beats <- n
		case <-stop:
			close(beats)
			return
		}
	}
}

func main() {
	stop := make(chan struct{})
	beats := make(chan int)
	go heartbeat(stop, beats)
	for b := range beats {
		fmt.Println("beat", b)
		if b == 3 {
			close(stop)
			break
		}
	}
	// the heartbeat goroutine may be about to send; drain until it closes
	for range beats {
	}
	fmt.Println("done")
}
