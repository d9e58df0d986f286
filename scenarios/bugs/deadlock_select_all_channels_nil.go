// expect: deadlock
//
// A merge loop in the "nil channel" style (Go by Example / Francesc
// Campoy's talk): each input is set to nil once closed, and the loop is
// meant to stop when both are nil, but the student wrote the exit test at
// the bottom of the loop after a `continue`, so with both inputs nil the
// select has no ready case and blocks forever. go run: all goroutines are
// asleep - deadlock!
package main

import "fmt"

func emit(name string, n int) <-chan string {
	c := make(chan string)
	go func() {
		defer close(c)
		for i := 0; i < n; i++ {
			c <- fmt.Sprintf("%s%d", name, i)
		}
	}()
	return c
}

func main() {
	a, b := emit("a", 2), emit("b", 3)
	count := 0
	for {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue // BUG: skips the exit check below
			}
			count++
			_ = v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue // BUG: same
			}
			count++
			_ = v
		}
		if a == nil && b == nil {
			break
		}
	}
	fmt.Println("received", count)
}
