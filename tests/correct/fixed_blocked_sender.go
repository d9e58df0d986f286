// expect: outcomes "timeout\n"
// expect: leak
//
// The leak is weft's rule, not Go's: time stops when main returns (SPEC
// section 2), so the worker, still asleep then, is blocked forever; Go
// ends the program there and its goroutine-leak profile does not count
// a sleeper. Listed so a change of that rule shows here.
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
