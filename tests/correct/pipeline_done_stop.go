// expect: ok outcomes "1\n16\nstopped\n"
//
// A three-stage pipeline stopped early: main takes two values, closes done,
// and drains; every stage selects on done so none is left blocked.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import "fmt"

func gen(done <-chan struct{}, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func sq(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	out := sq(done, sq(done, gen(done, 1, 2, 3, 4)))
	// take only the first two, then tell the stages to stop
	fmt.Println(<-out)
	fmt.Println(<-out)
	close(done)
	// drain so the stages are seen to exit
	for range out {
	}
	fmt.Println("stopped")
}
