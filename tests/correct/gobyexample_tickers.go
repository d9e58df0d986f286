// expect: outcomes "Tick at 500ms\nTick at 1s\nTick at 1.5s\nTicker stopped\n"
//
// Go by Example, "Tickers": the ticker is stopped and its goroutine told
// to return, so nothing is left behind.
package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(500 * time.Millisecond)
	done := make(chan bool)

	go func() {
		for {
			select {
			case <-done:
				return
			case t := <-ticker.C:
				fmt.Println("Tick at", t.Sub(time.Time{}))
			}
		}
	}()

	time.Sleep(1600 * time.Millisecond)
	ticker.Stop()
	done <- true
	fmt.Println("Ticker stopped")
}
