// play: outcome "routine 0 got 1\nroutine 1 got 0\n"
// expect: leak outcomes "routine 0 got 0\nroutine 1 got 1\n" "routine 1 got 1\nroutine 0 got 0\n" "routine 0 got 1\nroutine 1 got 0\n" "routine 1 got 0\nroutine 0 got 1\n"
//
// Shared request and response channels, from "Beautiful Go patterns for
// concurrent access to shared resources" (seeds/000): the article's
// version is right because the channels are unbuffered. With buffers,
// a routine's request can be served while another routine already waits
// on the shared response channel, which then gets a response meant for
// someone else. Be the scheduler: swap the two responses.
package main

import "fmt"

var requests = make(chan int, 2)
var responses = make(chan int, 2)

func routine(num int, done chan bool) {
	requests <- num
	resp := <-responses
	fmt.Printf("routine %d got %d\n", num, resp)
	done <- true
}

func coordinator() {
	for {
		req := <-requests
		responses <- req
	}
}

func main() {
	go coordinator()
	done := make(chan bool)
	for i := 0; i < 2; i++ {
		go routine(i, done)
	}
	<-done
	<-done
}
