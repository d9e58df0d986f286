// expect: leak
//
// The Go blog's "Go Concurrency Patterns: Context": a search with a
// deadline returns ctx.Err() when it expires, but the backend goroutine
// sends its reply on an unbuffered channel without selecting on
// ctx.Done(), so after the timeout nobody receives and it blocks forever.
package main

import (
	"context"
	"fmt"
	"time"
)

func search(ctx context.Context, q string) (string, error) {
	c := make(chan string)
	go func() {
		time.Sleep(20 * time.Millisecond) // the backend is slow
		c <- "results for " + q
	}()
	select {
	case r := <-c:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := search(ctx, "golang")
	fmt.Println(err)
}
