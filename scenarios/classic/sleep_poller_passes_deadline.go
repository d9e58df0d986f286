// expect: ok outcomes "stopped\n"
// weft: --max-executions 20 --max-steps 20000
//
// A poller checks a stop flag with half-millisecond sleeps while main
// sleeps 100 ms and then stops it. A sleep shorter than a millisecond
// ends early (a scheduling point that moves the clock past it), so the
// poller never blocks; the clock its sleeps move passes main's deadline
// after some 200 turns, and main's sleep is then due and ends while the
// poller still runs, as in Go. (When timers fired only with every
// goroutine blocked, main slept to --max-steps.)
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var stop atomic.Bool
	done := make(chan bool)
	start := time.Now()
	go func() {
		for !stop.Load() {
			time.Sleep(500 * time.Microsecond)
		}
		done <- true
	}()
	time.Sleep(100 * time.Millisecond)
	stop.Store(true)
	<-done
	fmt.Println("stopped")
	if time.Since(start) < 100*time.Millisecond {
		panic("main woke early")
	}
}
