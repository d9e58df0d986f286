// expect: outcomes "1\n2\n3\n"
//
// scenarios/bugs/leak_context_never_cancelled.go fixed: the caller cancels
// the context when it stops reading, and the generator returns.
package main

import (
	"context"
	"fmt"
)

func gen(ctx context.Context) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
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
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for n := range gen(ctx) {
		fmt.Println(n)
		if n == 3 {
			break
		}
	}
}
