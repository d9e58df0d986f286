// expect: outcomes "true\n"
//
// scenarios/bugs/deadlock_select_default_drop.go fixed: the producer closes the channel
// and reports how many went. go run -race: true, four runs.
// (issue 15, outside round.)
package main

import "fmt"

func main() {
	events := make(chan int)
	sent := make(chan int)
	go func() {
		n := 0
		for i := 0; i < 3; i++ {
			select {
			case events <- i:
				n++
			default: // drop when the reader is busy, and count what went
			}
		}
		close(events)
		sent <- n
	}()
	got := 0
	for range events {
		got++
	}
	n := <-sent
	fmt.Println(got == n)
}
