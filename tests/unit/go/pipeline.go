// expect: ok
// weft: --max-executions 300
// A three-stage pipeline (generate, square, merge) whose stages all stop
// when the context is cancelled, the pattern of the Go blog's pipelines
// article.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func generate(ctx context.Context, nums ...int) <-chan int {
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

func square(ctx context.Context, in <-chan int) <-chan int {
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

func merge(ctx context.Context, cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int, 1)
	output := func(c <-chan int) {
		defer wg.Done()
		for {
			select {
			case v, ok := <-c:
				if !ok {
					return
				}
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}
	wg.Add(len(cs))
	for _, c := range cs {
		go output(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()

	in := generate(ctx, 1, 2, 3, 4, 5, 6)
	c1, c2 := square(ctx, in), square(ctx, in)

	sum := 0
	timeout := time.After(time.Second)
loop:
	for {
		select {
		case v, ok := <-merge(ctx, c1, c2):
			if !ok {
				break loop
			}
			sum += v
		case <-timeout:
			fmt.Println("timed out")
			break loop
		}
	}
	if err := ctx.Err(); err != nil && err != context.DeadlineExceeded {
		fmt.Println("error:", err)
	}
	fmt.Println("sum", sum)
}
