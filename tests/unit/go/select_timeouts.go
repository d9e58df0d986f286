// expect: outcomes "tick\ntick\ndone\n"
// Timers, tickers, time.After and a nil channel that disables a select
// case; a rate limiter built from a ticker. Under strict time the ticks
// at 10 and 20 ms come before the deadline at 25 ms in every execution.
package main

import (
	"fmt"
	"time"
)

type event struct {
	at   time.Duration
	kind string
}

func main() {
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	deadline := time.NewTimer(25 * time.Millisecond)
	var extra <-chan time.Time // nil: never ready
	start := time.Now()
	events := []event{}
	for ticks := 0; ; {
		select {
		case <-ticker.C:
			ticks++
			fmt.Println("tick")
			if ticks == 2 {
				extra = time.After(time.Millisecond)
			}
		case <-extra:
			extra = nil
		case t := <-deadline.C:
			events = append(events, event{at: t.Sub(start), kind: "deadline"})
			fmt.Println("done")
			return
		default:
			time.Sleep(time.Millisecond)
		}
	}
}
