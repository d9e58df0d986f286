// expect: race
//
// A debouncer: Trigger restarts a timer with time.AfterFunc semantics and
// records that a flush is pending; the timer callback runs on its own
// goroutine and clears the flag and counts the flush, all without the
// mutex that Trigger uses, so the flag and the counter race.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Debouncer struct {
	mu      sync.Mutex
	timer   *time.Timer
	pending bool
	flushes int
	delay   time.Duration
}

func (d *Debouncer) flush() {
	d.pending = false
	d.flushes++
}

func (d *Debouncer) Trigger() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = true
	if d.timer == nil {
		d.timer = time.AfterFunc(d.delay, d.flush)
		return
	}
	d.timer.Reset(d.delay)
}

func main() {
	d := &Debouncer{delay: 5 * time.Millisecond}
	d.Trigger()
	time.Sleep(10 * time.Millisecond)
	d.Trigger()
	time.Sleep(10 * time.Millisecond)
	d.mu.Lock()
	fmt.Println(d.flushes, d.pending)
	d.mu.Unlock()
}
