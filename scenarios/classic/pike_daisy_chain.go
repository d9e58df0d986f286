// expect: outcomes "6\n"
//
// Pike, "Go Concurrency Patterns" (2012): the daisy chain. n goroutines
// in a row, each adding one to what its right neighbour passes it; main
// feeds the rightmost and reads the leftmost.
package main

import "fmt"

func f(left, right chan int) { left <- 1 + <-right }

func main() {
	const n = 5
	leftmost := make(chan int)
	right := leftmost
	left := leftmost
	for i := 0; i < n; i++ {
		right = make(chan int)
		go f(left, right)
		left = right
	}
	go func(c chan int) { c <- 1 }(right)
	fmt.Println(<-leftmost)
}
