// expect: ok
//
// A request with a deadline (context.WithTimeout) racing a slow backend;
// the backend honours ctx.Done() and the result channel is buffered, so
// whichever wins, nothing leaks; cancel is always called.
package main

import (
	"context"
	"fmt"
	"time"
)

func backend(ctx context.Context, d time.Duration) (string, error) {
	res := make(chan string, 1)
	go func() {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			res <- "data"
		case <-ctx.Done():
		}
	}()
	select {
	case r := <-res:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	for _, d := range []time.Duration{time.Millisecond, 50 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
		r, err := backend(ctx, d)
		cancel()
		fmt.Println(r, err)
	}
}
