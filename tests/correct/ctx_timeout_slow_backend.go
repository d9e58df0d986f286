// expect: ok outcomes "true\n"
//
// A call with a deadline: the backend is slower than the timeout, so the
// caller returns context.DeadlineExceeded; the backend's reply channel
// has room for one value so its late send never blocks, and the caller
// waits for it to finish before the program ends.
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

func slowBackend(ctx context.Context, reply chan<- string) {
	select {
	case <-time.After(50 * time.Millisecond):
		reply <- "data"
	case <-ctx.Done():
		reply <- "aborted"
	}
}

func call(ctx context.Context, wg *sync.WaitGroup) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	reply := make(chan string, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		slowBackend(ctx, reply)
	}()
	select {
	case r := <-reply:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	var wg sync.WaitGroup
	_, err := call(context.Background(), &wg)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	wg.Wait()
}
