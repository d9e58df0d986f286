// expect: ok outcomes "[#1 #4]\n"
//
// A pipeline built from a generic stage function: every stage reads its
// input, applies f, and forwards until the input closes or the context is
// cancelled. The consumer takes what it needs, cancels, and then drains
// the last stage so every stage goroutine gets to its ctx.Done and exits.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"context"
	"fmt"
)

func Source[T any](ctx context.Context, xs ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, x := range xs {
			select {
			case out <- x:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func Stage[T, U any](ctx context.Context, in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for x := range in {
			select {
			case out <- f(x):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	nums := Source(ctx, 1, 2, 3, 4, 5, 6)
	sq := Stage(ctx, nums, func(n int) int { return n * n })
	labels := Stage(ctx, sq, func(n int) string { return fmt.Sprint("#", n) })
	var first []string
	for s := range labels {
		first = append(first, s)
		if len(first) == 2 {
			break
		}
	}
	cancel()
	for range labels {
	}
	fmt.Println(first)
}
