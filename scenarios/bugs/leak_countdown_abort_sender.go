// expect: leak
//
// The Go Programming Language, 8.7 (countdown) from memory: a launch
// countdown on a time.Tick channel that an abort can interrupt (here the
// abort comes from a goroutine rather than a key press). As the book says,
// time.Tick's ticker is never stopped: after the launch its goroutine-like
// ticker lives on; an explicit NewTicker + Stop is the fix. Here the abort
// goroutine is also left waiting to send, once the launch has happened:
// that sender is blocked for ever (a true leak; go run exits 0).
package main

import (
	"fmt"
	"time"
)

func launch() { fmt.Println("Lift off!") }

func main() {
	abort := make(chan struct{})
	go func() {
		time.Sleep(50 * time.Millisecond) // the user presses return too late
		abort <- struct{}{}
	}()

	fmt.Println("Commencing countdown.")
	tick := time.Tick(5 * time.Millisecond)
	for countdown := 3; countdown > 0; countdown-- {
		fmt.Println(countdown)
		select {
		case <-tick:
		case <-abort:
			fmt.Println("Launch aborted!")
			return
		}
	}
	launch()
}
