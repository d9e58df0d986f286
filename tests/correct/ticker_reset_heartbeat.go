// expect: ok
//
// A heartbeat whose period is changed with Ticker.Reset by the main loop,
// with the ticker stopped and the goroutine ended through a done channel;
// runtime.NumGoroutine confirms nothing is left once it is joined.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	t := time.NewTicker(10 * time.Millisecond)
	done := make(chan struct{})
	exited := make(chan struct{})
	beats := make(chan time.Time, 1)
	go func() {
		defer close(exited)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				select {
				case beats <- now:
				default:
				}
			case <-done:
				return
			}
		}
	}()
	<-beats
	t.Reset(5 * time.Millisecond)
	<-beats
	close(done)
	<-exited
	fmt.Println(runtime.NumGoroutine())
}
