// expect: leak
//
// Shutdown sends one value on the quit channel to stop "the" pollers,
// but there are two: one receives it and returns, the other keeps
// selecting on quit and its ticker forever after main returns.
// (outside round 4: a bug written as engineers write it; go run -race
// passes it; goleak would report the other poller.)
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func poller(name string, quit chan struct{}, polls *int64) {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			atomic.AddInt64(polls, 1)
		case <-quit:
			return
		}
	}
}

func main() {
	quit := make(chan struct{})
	var polls int64
	for _, n := range []string{"disk", "net"} {
		go poller(n, quit, &polls)
	}
	time.Sleep(6 * time.Millisecond)
	quit <- struct{}{}
	fmt.Println("polls so far:", atomic.LoadInt64(&polls) > 0)
}
