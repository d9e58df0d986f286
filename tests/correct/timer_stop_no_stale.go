// expect: ok outcomes "stopped: true, nothing stale\nreset: nothing stale\nticks at 3.5s 5.5s\n"
//
// Go 1.23 timers (no go.mod, or one of go 1.23 or later): after Stop or
// Reset no value sent before the call is received. A timer that fired
// unread counts as stopped by Stop, and its value is gone; a ticker's
// Reset drops the tick it had sent. (Before 1.23, --go 1.22 or an older
// go.mod, the stale values stay: tests/e2e/go.sh.)
package main

import (
	"fmt"
	"time"
)

func stale(c <-chan time.Time) string {
	select {
	case <-c:
		return "a stale value"
	default:
		return "nothing stale"
	}
}

func main() {
	t := time.NewTimer(time.Second)
	time.Sleep(2 * time.Second)
	stopped := t.Stop()
	fmt.Printf("stopped: %v, %s\n", stopped, stale(t.C))
	t.Reset(time.Second)
	time.Sleep(2 * time.Second)
	t.Reset(time.Hour)
	fmt.Println("reset:", stale(t.C))
	t.Stop()

	start := time.Now()
	tk := time.NewTicker(time.Second)
	time.Sleep(1500 * time.Millisecond)
	tk.Reset(2 * time.Second)
	<-tk.C
	at1 := time.Since(start)
	<-tk.C
	at2 := time.Since(start)
	tk.Stop()
	fmt.Println("ticks at", at1, at2)
}
