// context.AfterFunc (Go 1.21): f runs in a goroutine of its own once the
// context is done, at once when it already is, never for a context that
// is never done, at most once; stop reports whether it kept f from
// starting. The callbacks' writes are joined through channels, so no
// interleaving races.
package main

import (
	"context"
	"fmt"
)

func main() {
	// cancelled later: f runs, stop then reports false
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan string, 1)
	stop := context.AfterFunc(ctx, func() { ran <- "after cancel" })
	cancel()
	fmt.Println(<-ran, stop())

	// already done: f runs at once
	context.AfterFunc(ctx, func() { ran <- "already done" })
	fmt.Println(<-ran)

	// stopped first: f never runs, a second stop reports false
	ctx2, cancel2 := context.WithCancel(context.Background())
	stop2 := context.AfterFunc(ctx2, func() { ran <- "stopped one ran" })
	fmt.Println("stopped:", stop2(), stop2())
	cancel2()
	fmt.Println("pending:", len(ran))

	// through a value context, and a timeout
	ctx3, cancel3 := context.WithCancel(context.WithValue(context.Background(), "k", 1))
	defer cancel3()
	v := context.WithValue(ctx3, "j", 2)
	done := make(chan error)
	context.AfterFunc(v, func() { done <- v.Err() })
	cancel3()
	fmt.Println("value child:", <-done)

	// never done: stop still reports true
	fmt.Println("background:", context.AfterFunc(context.Background(), func() {})())
}
