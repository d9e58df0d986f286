// expect: leak
//
// A generic Merge[T] whose forwarders do not watch a done channel: the
// consumer takes the first value and returns, the other forwarders stay
// blocked on their send forever.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

func Merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func(c <-chan T) {
			defer wg.Done()
			for v := range c {
				out <- v // BUG: no way to stop when the reader goes away
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func from[T any](xs ...T) <-chan T {
	c := make(chan T, len(xs))
	for _, x := range xs {
		c <- x
	}
	close(c)
	return c
}

func firstHealthy() string {
	for addr := range Merge(from("a:1", "a:2"), from("b:1")) {
		return addr
	}
	return ""
}

func main() {
	fmt.Println(len(firstHealthy()))
}
