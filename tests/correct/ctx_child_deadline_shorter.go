// expect: ok outcomes "true <nil> <nil>\n"
//
// Deadlines in a context tree: a request has a generous deadline, one
// sub-call gets a tighter child deadline and times out, and the request
// itself carries on and completes the other sub-call. The timed-out
// sub-call's goroutine is waited for.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

func lookup(ctx context.Context, cost time.Duration) error {
	select {
	case <-time.After(cost):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	req, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		ctx, cancel := context.WithTimeout(req, 10*time.Millisecond)
		defer cancel()
		errs[0] = lookup(ctx, 100*time.Millisecond)
	}()
	go func() {
		defer wg.Done()
		errs[1] = lookup(req, 30*time.Millisecond)
	}()
	wg.Wait()
	fmt.Println(errors.Is(errs[0], context.DeadlineExceeded), errs[1], req.Err())
}
