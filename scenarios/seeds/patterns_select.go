// expect: leak outcomes "Received: result from ch2\n"
//
// "Go Concurrency Patterns" (seeds/002), section Select Statement,
// unmodified: the first goroutine sleeps a second before sending on ch1,
// so the select takes ch2's value. What the article does not say: the
// first goroutine is then blocked forever on its unbuffered send to ch1,
// which nobody receives (a goroutine leak; in Go the process exits with
// main and hides it). weft reports it as a leak warning.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch1 := make(chan string)
	ch2 := make(chan string)
	go func() {
		time.Sleep(1 * time.Second)
		ch1 <- "result from ch1"
	}()
	go func() {
		ch2 <- "result from ch2"
	}()
	select {
	case msg1 := <-ch1:
		fmt.Println("Received:", msg1)
	case msg2 := <-ch2:
		fmt.Println("Received:", msg2)
	}
}
