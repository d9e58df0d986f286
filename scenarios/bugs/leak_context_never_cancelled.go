// expect: leak
//
// A generator stops when its context is cancelled, but the caller drops
// the cancel function (`ctx, _ := ...`, or a missing `defer cancel()`):
// once the caller stops reading, the generator is blocked forever in its
// select, the leak context was meant to prevent.
package main

import (
	"context"
	"fmt"
)

func gen(ctx context.Context) <-chan int {
	ch := make(chan int)
	go func() {
		for n := 1; ; n++ {
			select {
			case <-ctx.Done():
				return
			case ch <- n:
			}
		}
	}()
	return ch
}

func main() {
	ctx, _ := context.WithCancel(context.Background()) // bug: cancel dropped
	for n := range gen(ctx) {
		fmt.Println(n)
		if n == 3 {
			break
		}
	}
}
