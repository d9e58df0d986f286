// expect: ok outcomes "got a\ngot b\nidle\ngot c\nidle\n"
//
// An idle timeout: every message restarts the timer with the Go 1.19
// idiom, Stop and drain the channel if Stop reports the timer had fired,
// then Reset. After an idle report the timer is re-armed the same way.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"time"
)

func main() {
	msgs := make(chan string)
	go func() {
		msgs <- "a"
		time.Sleep(10 * time.Millisecond)
		msgs <- "b"
		time.Sleep(150 * time.Millisecond)
		msgs <- "c"
		close(msgs)
	}()
	const idle = 100 * time.Millisecond
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		select {
		case m, ok := <-msgs:
			if !ok {
				if !t.Stop() {
					<-t.C
				}
				t.Reset(idle)
				<-t.C
				fmt.Println("idle")
				return
			}
			fmt.Println("got", m)
			if !t.Stop() {
				<-t.C
			}
			t.Reset(idle)
		case <-t.C:
			fmt.Println("idle")
			t.Reset(idle)
		}
	}
}
