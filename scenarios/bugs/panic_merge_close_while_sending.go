// expect: panic
//
// A fan-in merge starts its closer inside the loop: after the first
// input drains, wg.Wait returns and out is closed while the second input
// still sends (send on closed channel), or closed twice. go run -race:
// panic in one run of four (close of closed channel).
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync"
)

func merge(ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func(in <-chan int) {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}(in)
		go func() {
			wg.Wait() // BUG: started inside the loop: may close out
			close(out) // while a later input still sends
		}()
	}
	return out
}

func source(vals ...int) <-chan int {
	c := make(chan int)
	go func() {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}()
	return c
}

func main() {
	sum := 0
	for v := range merge(source(1, 2), source(3)) {
		sum += v
	}
	fmt.Println(sum)
}
