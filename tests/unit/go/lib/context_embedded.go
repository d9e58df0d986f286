// A context of the program's own type that embeds a library context (a
// request context carrying a user, as middleware writes it): a child of
// it is cancelled with its parent synchronously, as in Go, which finds
// the embedded cancelCtx through Value; no watcher goroutine is left
// behind when neither is cancelled. A type with a Done channel of its own
// is still watched, and Cause sees through the embedding.
package main

import (
	"context"
	"errors"
	"fmt"
)

type reqCtx struct {
	context.Context
	user string
}

type ownDone struct {
	context.Context
	done chan struct{}
}

func (o ownDone) Done() <-chan struct{} { return o.done }

func (o ownDone) Err() error {
	select {
	case <-o.done:
		return context.Canceled
	default:
		return nil
	}
}

func main() {
	root, cancelRoot := context.WithCancelCause(context.Background())
	rc := reqCtx{root, "bob"}
	child, cancelChild := context.WithCancel(rc)
	defer cancelChild()
	cancelRoot(errors.New("client went away"))
	fmt.Println("child:", child.Err(), context.Cause(child), context.Cause(rc))

	// never cancelled: nothing waits on it
	live, _ := context.WithCancel(context.Background())
	kid, _ := context.WithCancel(reqCtx{live, "ann"})
	fmt.Println("live:", kid.Err())

	// Done of its own: watched, cancelled once that channel closes
	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	od := ownDone{base, make(chan struct{})}
	w, cancelW := context.WithCancel(od)
	defer cancelW()
	close(od.done)
	<-w.Done()
	fmt.Println("own done:", w.Err(), base.Err())
}
