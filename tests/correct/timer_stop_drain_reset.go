// expect: ok outcomes "idle after 3\n"
//
// An idle-timeout watchdog: every activity resets the timer with the
// documented pattern (stop it, drain its channel if it had fired, then
// Reset), all within the single goroutine that owns the timer. After the
// activity stops, the timer fires and the watchdog reports idle.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"time"
)

func watchdog(activity <-chan string, idle time.Duration, report chan<- string) {
	t := time.NewTimer(idle)
	defer t.Stop()
	seen := 0
	for {
		select {
		case _, ok := <-activity:
			if !ok {
				report <- fmt.Sprintf("closed after %d", seen)
				return
			}
			seen++
			if !t.Stop() {
				<-t.C
			}
			t.Reset(idle)
		case <-t.C:
			report <- fmt.Sprintf("idle after %d", seen)
			return
		}
	}
}

func main() {
	activity := make(chan string)
	report := make(chan string)
	go watchdog(activity, 30*time.Millisecond, report)
	for _, a := range []string{"login", "click", "scroll"} {
		activity <- a
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Println(<-report)
}
