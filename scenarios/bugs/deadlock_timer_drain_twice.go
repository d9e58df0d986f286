// expect: deadlock
//
// The Stop-and-drain idiom applied to a timer whose value was already
// received: Stop returns false and the drain blocks forever.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	events := make(chan string)
	go func() {
		time.Sleep(20 * time.Millisecond)
		events <- "late event"
	}()
	for i := 0; i < 2; i++ {
		select {
		case <-t.C:
			fmt.Println("timeout")
		case e := <-events:
			fmt.Println(e)
		}
		if !t.Stop() {
			<-t.C // BUG: after the timeout case the channel is already empty
		}
		t.Reset(50 * time.Millisecond)
	}
}
