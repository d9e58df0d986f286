// expect: ok outcomes "beats=4 expired=true\n"
//
// A watchdog: every heartbeat pushes the deadline back with Stop, a drain
// of the timer's channel when Stop reports it already fired, and Reset;
// when heartbeats stop the timer fires and the watchdog reports.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"time"
)

type Watchdog struct {
	beat    chan struct{}
	expired chan struct{}
}

func NewWatchdog(timeout time.Duration) *Watchdog {
	w := &Watchdog{beat: make(chan struct{}), expired: make(chan struct{})}
	go w.run(timeout)
	return w
}

func (w *Watchdog) run(timeout time.Duration) {
	t := time.NewTimer(timeout)
	for {
		select {
		case <-w.beat:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(timeout)
		case <-t.C:
			close(w.expired)
			return
		}
	}
}

func (w *Watchdog) Beat() bool {
	select {
	case w.beat <- struct{}{}:
		return true
	case <-w.expired:
		return false
	}
}

func main() {
	w := NewWatchdog(30 * time.Millisecond)
	beats := 0
	for i := 0; i < 4; i++ {
		time.Sleep(10 * time.Millisecond)
		if w.Beat() {
			beats++
		}
	}
	<-w.expired
	fmt.Printf("beats=%d expired=%v\n", beats, !w.Beat())
}
