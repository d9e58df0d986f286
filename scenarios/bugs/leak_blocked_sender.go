// expect: leak
//
// A request with a timeout: when the timeout wins, the worker is left
// blocked forever on its unbuffered result channel (a goroutine leak).
package main

import (
	"fmt"
	"time"
)

func work(result chan<- int) {
	time.Sleep(2 * time.Second)
	result <- 42 // nobody receives after the timeout
}

func main() {
	result := make(chan int)
	go work(result)
	select {
	case v := <-result:
		fmt.Println("got", v)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
