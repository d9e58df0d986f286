// expect: ok outcomes "fast\nslow\nstopped\n"
//
// A poller whose ticker period changes with Reset (Go 1.15+) when a
// command arrives, and which stops its ticker on the way out.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"time"
)

func poller(cmds <-chan string, done chan<- struct{}) {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	polls := 0
	for {
		select {
		case c, ok := <-cmds:
			if !ok {
				fmt.Println("stopped")
				close(done)
				return
			}
			fmt.Println(c)
			if c == "slow" {
				t.Reset(50 * time.Millisecond)
			} else {
				t.Reset(5 * time.Millisecond)
			}
		case <-t.C:
			polls++
		}
	}
}

func main() {
	cmds := make(chan string)
	done := make(chan struct{})
	go poller(cmds, done)
	cmds <- "fast"
	time.Sleep(20 * time.Millisecond)
	cmds <- "slow"
	time.Sleep(20 * time.Millisecond)
	close(cmds)
	<-done
}
