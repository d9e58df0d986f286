// expect: ok
// weft: --max-executions 300
//
// Concurrency in Go, chapter 5, heartbeats, from memory: a worker sends a
// pulse at the start of each unit of work, with a select default so that
// nobody listening never blocks it, and sends its results on a second
// channel. A test-like main checks the results in order, using the pulse
// to know the worker has started before it waits with a timeout.
package main

import (
	"fmt"
	"time"
)

func doWork(done <-chan interface{}, nums ...int) (<-chan interface{}, <-chan int) {
	heartbeat := make(chan interface{}, 1)
	intStream := make(chan int)
	go func() {
		defer close(heartbeat)
		defer close(intStream)

		time.Sleep(2 * time.Millisecond) // simulated start-up delay

		for _, n := range nums {
			select {
			case heartbeat <- struct{}{}:
			default: // nobody listening: do not block on the pulse
			}

			select {
			case <-done:
				return
			case intStream <- n * n:
			}
		}
	}()
	return heartbeat, intStream
}

func main() {
	done := make(chan interface{})
	defer close(done)

	intSlice := []int{0, 1, 2, 3, 5}
	heartbeat, results := doWork(done, intSlice...)

	<-heartbeat // the goroutine has started its work

	pulses := 1
	i := 0
	for {
		select {
		case r, ok := <-results:
			if !ok {
				fmt.Println("checked", i, "results, pulses seen >= 1:", pulses >= 1)
				return
			}
			if expected := intSlice[i] * intSlice[i]; r != expected {
				fmt.Printf("index %d: expected %d, but received %d\n", i, expected, r)
			} else {
				fmt.Printf("index %d: %d\n", i, r)
			}
			i++
		case _, ok := <-heartbeat:
			if ok {
				pulses++
			}
		case <-time.After(time.Second):
			fmt.Println("test timed out")
			return
		}
	}
}
