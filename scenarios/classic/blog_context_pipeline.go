// expect: outcomes "1\n4\n"
//
// A pipeline cancelled by a context (the Go blog's pipeline, with
// context.Context in place of the done channel): gen and sq stop when the
// context is cancelled, so the consumer can take two values and return
// without leaving a stage blocked on its send.
package main

import (
	"context"
	"fmt"
)

func gen(ctx context.Context, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func sq(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := sq(ctx, gen(ctx, 1, 2, 3, 4))
	fmt.Println(<-out)
	fmt.Println(<-out)
	cancel()
	for range out { // drain: the stages see the cancel and close
	}
}
