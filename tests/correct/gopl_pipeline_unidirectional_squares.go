// expect: ok
// weft: --max-executions 1000
//
// The Go Programming Language, 8.4 (pipeline3) from memory, grown a
// little: counter -> squarer -> printer with unidirectional channel
// types, plus a fanned-out squarer stage (three goroutines sharing one
// input, a WaitGroup closing their shared output) whose results are
// summed, since their order varies.
package main

import (
	"fmt"
	"sync"
)

func counter(out chan<- int, n int) {
	for x := 0; x < n; x++ {
		out <- x
	}
	close(out)
}

func squarer(out chan<- int, in <-chan int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func printer(in <-chan int) {
	for v := range in {
		fmt.Println(v)
	}
}

func squarers(k int, out chan<- int, in <-chan int) {
	var wg sync.WaitGroup
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				out <- v * v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
}

func main() {
	naturals := make(chan int)
	squares := make(chan int)
	go counter(naturals, 6)
	go squarer(squares, naturals)
	printer(squares)

	// The same with three squarers: the order of their results varies,
	// their sum does not.
	nat2 := make(chan int, 4)
	sq2 := make(chan int)
	go counter(nat2, 10)
	squarers(3, sq2, nat2)
	sum, count := 0, 0
	for v := range sq2 {
		sum += v
		count++
	}
	fmt.Println("count", count, "sum of squares", sum)
}
