// expect: deadlock
//
// The same buffer, but when the input closes with nothing queued the loop
// only disables the input case and selects on a nil receive and a nil
// send for ever: out is never closed and main's range waits for ever.
// (issue 15, outside round: a bug written as engineers write it; go run:
// "all goroutines are asleep" in 3 of 3 runs (-race hides it).)
package main

import "fmt"

func buffer(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		var queue []int
		for {
			var send chan<- int
			var next int
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
	out := buffer(in)
	go func() {
		for i := 0; i < 3; i++ {
			in <- i
		}
		close(in)
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println(sum)
}
