// expect: ok
//
// Go by Example's first channel pages combined as a student's exercise:
// goroutines, channels, buffering, channel synchronization, channel
// directions (ping only sends, pong receives and sends) and range over a
// channel, with a relay of ping/pong stages that forwards a message down a
// chain and a buffered queue ranged over after close.
package main

import (
	"fmt"
	"strings"
)

func ping(pings chan<- string, msg string) {
	pings <- msg
}

func pong(pings <-chan string, pongs chan<- string) {
	msg := <-pings
	pongs <- msg
}

// relay forwards every message it receives, tagged, until in is closed.
func relay(tag string, in <-chan string, out chan<- string) {
	defer close(out)
	for msg := range in {
		out <- msg + ">" + tag
	}
}

func f(from string, done chan<- bool) {
	for i := 0; i < 3; i++ {
		fmt.Println(from, ":", i)
	}
	done <- true
}

func main() {
	// Goroutines, synchronized one after another through done.
	done := make(chan bool)
	sync := make(chan bool, 1)
	f("direct", sync)
	<-sync
	go f("goroutine", done)
	<-done

	// Buffering: two values without a receiver ready.
	messages := make(chan string, 2)
	messages <- "buffered"
	messages <- "channel"
	fmt.Println(<-messages)
	fmt.Println(<-messages)

	// Directions.
	pings := make(chan string, 1)
	pongs := make(chan string, 1)
	ping(pings, "passed message")
	pong(pings, pongs)
	fmt.Println(<-pongs)

	// A chain of relays, each its own goroutine.
	head := make(chan string)
	var in <-chan string = head
	for _, tag := range []string{"a", "b", "c", "d"} {
		out := make(chan string)
		go relay(tag, in, out)
		in = out
	}
	go func() {
		defer close(head)
		for _, w := range []string{"x", "y", "z"} {
			head <- w
		}
	}()
	var got []string
	for msg := range in {
		got = append(got, msg)
	}
	fmt.Println(strings.Join(got, " "))

	// Range over a closed buffered channel.
	queue := make(chan string, 2)
	queue <- "one"
	queue <- "two"
	close(queue)
	for elem := range queue {
		fmt.Println(elem)
	}
}
