// expect: outcomes "0\n1\n2\n"
//
// scenarios/bugs/deadlock_range_unclosed.go fixed: the sender closes the
// channel, which ends the range.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < 3; i++ {
			ch <- i
		}
	}()
	for v := range ch {
		fmt.Println(v)
	}
}
