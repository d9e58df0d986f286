// expect: ok
// weft: --max-executions 1
//
// Concurrency in Go (Cox-Buday), chapter 4, the or-channel, from memory:
// or() combines any number of done channels into one that closes as soon
// as any of them closes, recursively, each level waiting on up to three of
// them plus the rest through a recursive call. Here each input is a
// goroutine closing its channel after a sleep; the one-millisecond one
// wins. All the sleepers finish before main returns (a WaitGroup), so
// nothing is left behind.
package main

import (
	"fmt"
	"sync"
	"time"
)

func or(channels ...<-chan interface{}) <-chan interface{} {
	switch len(channels) {
	case 0:
		return nil
	case 1:
		return channels[0]
	}

	orDone := make(chan interface{})
	go func() {
		defer close(orDone)
		switch len(channels) {
		case 2:
			select {
			case <-channels[0]:
			case <-channels[1]:
			}
		default:
			select {
			case <-channels[0]:
			case <-channels[1]:
			case <-channels[2]:
			case <-or(append(channels[3:], orDone)...):
			}
		}
	}()
	return orDone
}

func main() {
	var wg sync.WaitGroup
	sig := func(after time.Duration) <-chan interface{} {
		c := make(chan interface{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(c)
			time.Sleep(after)
		}()
		return c
	}

	start := time.Now()
	<-or(
		sig(40*time.Millisecond),
		sig(30*time.Millisecond),
		sig(1*time.Millisecond),
		sig(35*time.Millisecond),
		sig(20*time.Millisecond),
	)
	elapsed := time.Since(start)
	fmt.Println("done before the slowest:", elapsed < 40*time.Millisecond)

	// A second use: the or-channel of one already closed channel.
	closed := make(chan interface{})
	close(closed)
	<-or(closed)
	fmt.Println("single closed input passes straight through")

	// None of the or goroutines may be left waiting: wait for the sleepers.
	wg.Wait()
	fmt.Println("all sleepers finished")
}
