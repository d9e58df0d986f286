// expect: ok outcomes "giving up after 4 attempts: context deadline exceeded true\n4 4 0s 1ms -3ms 1h0m0s 1s\n<nil> 3 true true\n"
//
// Retry with exponential backoff under a context deadline: select on
// time.After and ctx.Done(), errors wrapped with %w and matched with
// errors.Is, attempt times from time.Since rounded with Duration.Round.
// (issue 15, outside check: a correct program as engineers write it;
// weft lacked Duration.Round, Truncate and Abs.)
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errTransient = errors.New("transient")

type attemptLog struct {
	at  time.Duration
	err error
}

func retry(ctx context.Context, start time.Time, op func(int) error, log *[]attemptLog) error {
	backoff := 10 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := op(attempt)
		*log = append(*log, attemptLog{time.Since(start).Round(time.Millisecond), err})
		if err == nil || !errors.Is(err, errTransient) {
			return err
		}
		select {
		case <-time.After(backoff):
			backoff *= 2
		case <-ctx.Done():
			return fmt.Errorf("giving up after %d attempts: %w", attempt, ctx.Err())
		}
	}
}

func main() {
	start := time.Now()
	var log []attemptLog
	ctx, cancel := context.WithDeadline(context.Background(), start.Add(100*time.Millisecond))
	defer cancel()
	err := retry(ctx, start, func(n int) error {
		return fmt.Errorf("attempt %d: %w", n, errTransient)
	}, &log)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	var ats []time.Duration
	for _, a := range log {
		ats = append(ats, a.at)
	}
	fmt.Println(len(log), len(ats), ats[0], (1499 * time.Microsecond).Round(time.Millisecond), (-2500 * time.Microsecond).Round(time.Millisecond), (90 * time.Minute).Truncate(time.Hour), (-time.Second).Abs())

	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Second)
	defer cancel2()
	log = nil
	err = retry(ctx2, start, func(n int) error {
		if n < 3 {
			return errTransient
		}
		return nil
	}, &log)
	dl, ok := ctx2.Deadline()
	fmt.Println(err, len(log), ok, dl.After(start))
}
