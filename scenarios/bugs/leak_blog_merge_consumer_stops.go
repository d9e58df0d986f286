// expect: leak
//
// The Go blog's "Pipelines and cancellation", before cancellation: main
// takes only the first value from merge and returns; the other stage's
// goroutines stay blocked forever sending on their channels (the blog's
// "resource leak: goroutines consume memory and runtime resources").
package main

import (
	"fmt"
	"sync"
)

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	output := func(c <-chan int) {
		for n := range c {
			out <- n
		}
		wg.Done()
	}
	wg.Add(len(cs))
	for _, c := range cs {
		go output(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := gen(2, 3)
	c1 := sq(in)
	c2 := sq(in)
	out := merge(c1, c2)
	fmt.Println(<-out) // 4 or 9; the other value is never received
}
