// expect: outcomes "Timer 1 fired\nTimer 2 stopped\n"
//
// Go by Example, "Timers": a stopped timer's goroutine stays blocked on
// its channel in Go too; here it is given a way out (the original leaks
// it, which Go's leak profile would report).
package main

import (
	"fmt"
	"time"
)

func main() {
	timer1 := time.NewTimer(2 * time.Second)
	<-timer1.C
	fmt.Println("Timer 1 fired")

	timer2 := time.NewTimer(time.Second)
	quit := make(chan bool)
	go func() {
		select {
		case <-timer2.C:
			fmt.Println("Timer 2 fired")
		case <-quit:
		}
	}()
	stop2 := timer2.Stop()
	if stop2 {
		fmt.Println("Timer 2 stopped")
	}
	close(quit)
	time.Sleep(2 * time.Second)
}
