// expect: deadlock
//
// Go by Example's tickers page misread: the student stops the ticker from
// another goroutine and expects the `for range ticker.C` loop to end, as a
// range over a closed channel would. Stop does not close the channel, so
// after the last tick main waits for ever; with no timer left, go run
// reports "all goroutines are asleep - deadlock!".
package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(2 * time.Millisecond)
	stopped := make(chan bool)

	go func() {
		time.Sleep(7 * time.Millisecond)
		ticker.Stop()
		stopped <- true
	}()

	ticks := 0
	for range ticker.C { // BUG: Stop never closes ticker.C
		ticks++
		if ticks == 10 {
			break // a safety net that is never reached
		}
	}
	<-stopped
	fmt.Println("Ticker stopped after", ticks, "ticks")
}
