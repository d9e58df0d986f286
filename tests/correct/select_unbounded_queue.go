// expect: ok outcomes "0 1 2 3 4 5 6 7 8 9 \n"
//
// An unbounded queue between a producer and a slow consumer: one
// goroutine selects on the input and, only while it holds items, on the
// output (a nil channel otherwise); when the input closes it drains the
// backlog and closes the output.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"time"
)

func unbounded[T any](in <-chan T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		var queue []T
		for in != nil || len(queue) > 0 {
			var send chan T
			var next T
			if len(queue) > 0 {
				send = out
				next = queue[0]
			}
			select {
			case v, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				queue = append(queue, v)
			case send <- next:
				queue = queue[1:]
			}
		}
	}()
	return out
}

func main() {
	in := make(chan int)
	out := unbounded(in)
	go func() {
		for i := 0; i < 10; i++ {
			in <- i
		}
		close(in)
	}()
	for v := range out {
		time.Sleep(time.Millisecond)
		fmt.Print(v, " ")
	}
	fmt.Println()
}
