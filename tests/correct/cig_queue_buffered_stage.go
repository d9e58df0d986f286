// expect: ok
//
// Concurrency in Go, chapter 5, queuing, from memory: a fast producer, a
// buffered stage (the queue) and a slow consumer. The buffer decouples the
// producer, which finishes early; the consumer drains everything. Stage
// durations are simulated with sleeps; the printed order is the order of
// the stream, which a single channel keeps.
package main

import (
	"fmt"
	"time"
)

type job struct {
	id      int
	payload string
}

func produce(n int) <-chan job {
	out := make(chan job)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- job{i, fmt.Sprintf("item-%02d", i)}
		}
	}()
	return out
}

func buffer(in <-chan job, size int) <-chan job {
	out := make(chan job, size)
	go func() {
		defer close(out)
		for j := range in {
			out <- j
		}
	}()
	return out
}

func slowStage(in <-chan job, delay time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for j := range in {
			time.Sleep(delay)
			out <- fmt.Sprintf("%d:%s", j.id, j.payload)
		}
	}()
	return out
}

func main() {
	producerDone := make(chan time.Time, 1)
	src := produce(8)
	tracked := make(chan job)
	go func() {
		defer close(tracked)
		for j := range src {
			tracked <- j
		}
		producerDone <- time.Now()
	}()

	consumed := 0
	var last string
	for s := range slowStage(buffer(tracked, 8), time.Millisecond) {
		consumed++
		last = s
	}
	fmt.Println("consumed", consumed, "last", last)
	select {
	case <-producerDone:
		fmt.Println("producer finished")
	default:
		fmt.Println("producer still running?")
	}
}
