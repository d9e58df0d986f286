// Examples of the pipeline in the Go blog's "Go Concurrency Patterns:
// Pipelines and cancellation" (gen, sq, merge), as a package documents
// them: go test runs each Example that has an output comment and compares
// its standard output with the comment.
package pipeline

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

// One stage after another: the order is the input's.
func Example_sq() {
	for n := range sq(sq(gen(2, 3))) {
		fmt.Println(n)
	}
	// Output:
	// 16
	// 81
}

// Two workers read from one source: merge's order is any.
func Example_merge() {
	in := gen(2, 3)
	c1 := sq(in)
	c2 := sq(in)
	for n := range merge(c1, c2) {
		fmt.Println(n)
	}
	// Unordered output:
	// 9
	// 4
}

// An Example without an output comment compiles but does not run (it
// would block forever: nothing receives).
func Example_notRun() {
	out := make(chan int)
	out <- 1
}
