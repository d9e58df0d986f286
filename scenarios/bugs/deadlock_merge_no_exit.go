// expect: deadlock
//
// A merge loop disables closed inputs by setting them to nil but has no
// exit condition: once both are closed, select waits on two nil channels
// forever.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import "fmt"

func gen(xs ...int) <-chan int {
	c := make(chan int)
	go func() {
		defer close(c)
		for _, x := range xs {
			c <- x
		}
	}()
	return c
}

func main() {
	a, b := gen(1, 2), gen(3)
	sum := 0
	for { // BUG: should be for a != nil || b != nil
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
		}
	}
	fmt.Println(sum)
}
