// expect: deadlock
//
// A producer sends with select/default, dropping events the reader is not
// ready for; the reader waits for three events that may never come. go
// run: "all goroutines are asleep - deadlock!" (with -race it hung until
// timeout, four runs).
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import "fmt"

func main() {
	events := make(chan int)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			select {
			case events <- i:
			default: // BUG: drops the event when the reader is not ready
			}
		}
		done <- true
	}()
	got := 0
	for got < 3 { // waits for three events that may never come
		<-events
		got++
	}
	<-done
	fmt.Println("got", got)
}
