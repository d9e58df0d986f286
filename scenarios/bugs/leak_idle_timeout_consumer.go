// expect: leak
//
// A consumer gives up when no event arrives for 20ms (time.After in its
// select loop); the producer pauses 30ms while it reconnects, then sends
// again on the unbuffered channel nobody reads any more.
// (outside round 4: a bug written as engineers write it; go run -race
// passes it; goleak would report the producer blocked in its send.)
package main

import (
	"fmt"
	"time"
)

func consume(events <-chan string) int {
	n := 0
	for {
		select {
		case <-events:
			n++
		case <-time.After(20 * time.Millisecond):
			return n
		}
	}
}

func main() {
	events := make(chan string)
	go func() {
		for i := 0; i < 4; i++ {
			if i == 2 {
				time.Sleep(30 * time.Millisecond) // reconnecting
			}
			events <- fmt.Sprint("event", i)
		}
	}()
	fmt.Println("consumed", consume(events))
	time.Sleep(50 * time.Millisecond) // the rest of main's work
}
