// expect: ok
//
// Go by Example's "Context" idea without a server: a handler gives up when
// its request's context is cancelled, and the caller always cancels.
package main

import (
	"context"
	"fmt"
	"time"
)

func handler(ctx context.Context, out chan<- string) {
	select {
	case <-time.After(10 * time.Second):
		out <- "hello"
	case <-ctx.Done():
		out <- "handler: " + ctx.Err().Error()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	out := make(chan string, 1)
	go handler(ctx, out)
	fmt.Println(<-out)
}
