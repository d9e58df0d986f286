// expect: outcomes "1\n4\n9\n16\n"
//
// A pipeline (the Go blog, "Go Concurrency Patterns: Pipelines"): each
// stage closes its output when its input is drained.
package main

import "fmt"

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

func main() {
	for n := range sq(gen(1, 2, 3, 4)) {
		fmt.Println(n)
	}
}
