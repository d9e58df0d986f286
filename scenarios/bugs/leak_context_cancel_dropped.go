// expect: leak
//
// handle drops the cancel func of its context: the watcher goroutine
// waits on ctx.Done() forever.
// (issue 15: a bug written outside the suite.)
package main

import (
	"context"
	"fmt"
)

func watch(ctx context.Context, name string, events chan<- string) {
	go func() {
		<-ctx.Done()
		events <- name + " stopped"
	}()
}

func handle(parent context.Context, events chan<- string) {
	ctx, cancel := context.WithCancel(parent)
	_ = cancel // BUG: cancel is never called, the watcher waits forever
	watch(ctx, "req", events)
}

func main() {
	events := make(chan string, 1)
	handle(context.Background(), events)
	fmt.Println("handled")
}
