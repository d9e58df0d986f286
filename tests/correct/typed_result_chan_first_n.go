// expect: ok outcomes "2\n"
//
// Fetchers report a generic Result[T] on a channel buffered for all of
// them; the caller keeps the first two successes and cancels the rest
// through a context. Buffering the channel lets the late fetchers finish
// their send and exit even though nobody reads it any more.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

type Result[T any] struct {
	Val T
	Err error
}

var errDown = errors.New("replica down")

func fetch(ctx context.Context, replica int) Result[string] {
	select {
	case <-ctx.Done():
		return Result[string]{Err: ctx.Err()}
	default:
	}
	if replica == 1 {
		return Result[string]{Err: errDown}
	}
	return Result[string]{Val: fmt.Sprintf("row@%d", replica)}
}

func firstN(n int, replicas []int) []string {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results := make(chan Result[string], len(replicas))
	var wg sync.WaitGroup
	for _, r := range replicas {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			results <- fetch(ctx, r)
		}(r)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var got []string
	for res := range results {
		if res.Err != nil {
			continue
		}
		got = append(got, res.Val)
		if len(got) == n {
			cancel()
			break
		}
	}
	return got
}

func main() {
	got := firstN(2, []int{0, 1, 2, 3})
	fmt.Println(len(got))
}
