// expect: outcomes "2\n"
//
// scenarios/bugs/deadlock_channel_cycle.go fixed: main sends first, as the
// other goroutine expects.
package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		v := <-ping
		pong <- v + 1
	}()
	ping <- 1
	fmt.Println(<-pong)
}
