// expect: outcomes "timeout\n"
//
// The worker, still asleep when main returns, finishes its sleep (time
// runs on to the deadlines pending then) and sends into the room left
// for it: no leak, as Go's goroutine-leak profile does not count it.
// scenarios/bugs/leak_blocked_sender.go fixed: the result channel has room
// for the late result, so the worker never blocks after the timeout.
package main

import (
	"fmt"
	"time"
)

func work(result chan<- int) {
	time.Sleep(2 * time.Second)
	result <- 42
}

func main() {
	result := make(chan int, 1)
	go work(result)
	select {
	case v := <-result:
		fmt.Println("got", v)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
