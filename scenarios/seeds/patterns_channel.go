// expect: ok outcomes "Hello from a goroutine!\n"
//
// "Go Concurrency Patterns" (seeds/002), section Channels, unmodified:
// main blocks on an unbuffered receive until sendMessage sends. One
// outcome, no finding.
package main

import (
	"fmt"
)

func sendMessage(ch chan string) {
	ch <- "Hello from a goroutine!" // Send a message to the channel
}

func main() {
	// Create a new channel of type string
	ch := make(chan string)
	// Start a goroutine to send a message
	go sendMessage(ch)
	// Receive the message from the channel
	msg := <-ch
	fmt.Println(msg) // Output: Hello from a goroutine!
}
