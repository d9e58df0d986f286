// expect: ok
//
// A collector that drains two producers with a labeled loop over a
// select, setting each channel to nil once it is closed, and a
// time.After safety net that never fires first (virtual time).
package main

import (
	"fmt"
	"time"
)

func produce(n int, base int) <-chan int {
	c := make(chan int, 1)
	go func() {
		defer close(c)
		for i := 0; i < n; i++ {
			c <- base + i
		}
	}()
	return c
}

func main() {
	a, b := produce(2, 10), produce(1, 20)
	sum := 0
	timeout := time.After(time.Second)
loop:
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue loop
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
		case <-timeout:
			break loop
		}
	}
	fmt.Println(sum)
}
