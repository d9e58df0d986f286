// expect: ok outcomes "3 <nil>\ntrue true\n"
//
// Retrying a flaky operation with exponential backoff: each wait is a
// select between time.After and the context, so cancelling the caller's
// context stops the retries early. The attempt counter is owned by the
// retrying goroutine and read by main only after the result arrives.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errBusy = errors.New("busy")

type Flaky struct{ failures int }

func (f *Flaky) Do() error {
	if f.failures > 0 {
		f.failures--
		return errBusy
	}
	return nil
}

func retry(ctx context.Context, op func() error, base time.Duration) (int, error) {
	attempts := 0
	wait := base
	for {
		attempts++
		err := op()
		if err == nil {
			return attempts, nil
		}
		select {
		case <-time.After(wait):
			wait *= 2
		case <-ctx.Done():
			return attempts, ctx.Err()
		}
	}
}

type outcome struct {
	n   int
	err error
}

func main() {
	f := &Flaky{failures: 2}
	res := make(chan outcome)
	go func() {
		n, err := retry(context.Background(), f.Do, time.Millisecond)
		res <- outcome{n, err}
	}()
	o := <-res
	fmt.Println(o.n, o.err)

	g := &Flaky{failures: 100}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(5 * time.Millisecond)
		cancel()
	}()
	n, err := retry(ctx, g.Do, time.Millisecond)
	fmt.Println(n > 1, errors.Is(err, context.Canceled))
}
