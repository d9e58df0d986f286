// expect: ok outcomes "context deadline exceeded true\nworker saw: context deadline exceeded\n"
//
// A context whose deadline is already past is done at once: its Err is
// DeadlineExceeded, and a worker selecting on Done takes that case.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.DeadlineExceeded))
	res := make(chan string, 1)
	go func() {
		select {
		case <-ctx.Done():
			res <- "worker saw: " + ctx.Err().Error()
		case <-time.After(time.Second):
			res <- "worker timed out"
		}
	}()
	fmt.Println(<-res)
}
