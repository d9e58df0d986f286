// expect: ok
//
// Go by Example's timers page, from memory, extended the way the page
// suggests: a timer waited on by main, a second timer stopped before it
// fires (its waiting goroutine is told through a channel so that it does
// not wait forever), and a timer reset to fire later. Everything a
// goroutine waits on is settled before main returns.
package main

import (
	"fmt"
	"time"
)

func main() {
	timer1 := time.NewTimer(2 * time.Millisecond)
	<-timer1.C
	fmt.Println("Timer 1 fired")

	timer2 := time.NewTimer(50 * time.Millisecond)
	cancelled := make(chan struct{})
	result := make(chan string)
	go func() {
		select {
		case <-timer2.C:
			result <- "Timer 2 fired"
		case <-cancelled:
			result <- "Timer 2 cancelled"
		}
	}()
	if timer2.Stop() {
		fmt.Println("Timer 2 stopped")
	}
	close(cancelled)
	fmt.Println(<-result)

	timer3 := time.NewTimer(time.Hour)
	timer3.Reset(3 * time.Millisecond)
	start := time.Now()
	<-timer3.C
	fmt.Println("Timer 3 fired after reset:", time.Since(start) < time.Hour)

	// time.AfterFunc runs its function in its own goroutine.
	fired := make(chan string)
	time.AfterFunc(time.Millisecond, func() { fired <- "AfterFunc ran" })
	fmt.Println(<-fired)
}
