// expect: leak outcomes "Timeout! No message received.\n"
//
// "Go Concurrency Patterns" (seeds/002), section Select Statement
// ("timeout a potential deadlock"), unmodified: the sender sleeps 3s, the
// select times out after 2s. The timeout avoids blocking main, but the
// sender then blocks forever on its unbuffered send that nobody will
// receive: a goroutine leak (the leak_blocked_sender bug), which weft
// reports as a leak warning.
package main

import (
	"fmt"
	"time"
)

func main() {
	// Create an unbuffered channel
	ch := make(chan string)
	// Start a goroutine that simulates a delayed send
	go func() {
		time.Sleep(3 * time.Second)   // Simulate a delay
		ch <- "Hello from goroutine!" // Send a message after delay
	}()
	select {
	case msg := <-ch:
		fmt.Println("Received:", msg)
	case <-time.After(2 * time.Second): // Timeout after 2 seconds
		fmt.Println("Timeout! No message received.")
	}
}
