// expect: outcomes "Tick at 500ms\nTick at 1s\nTick at 1.5s\nTicker stopped\n"
//
// Go by Example, "Tickers": the ticker is stopped and its goroutine told
// to return, so nothing is left behind. The ticks are printed as the
// time since start (Go by Example prints the time itself: under weft's
// virtual clock the difference is exact).
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ticker := time.NewTicker(500 * time.Millisecond)
	done := make(chan bool)

	go func() {
		for {
			select {
			case <-done:
				return
			case t := <-ticker.C:
				fmt.Println("Tick at", t.Sub(start))
			}
		}
	}()

	time.Sleep(1600 * time.Millisecond)
	ticker.Stop()
	done <- true
	fmt.Println("Ticker stopped")
}
