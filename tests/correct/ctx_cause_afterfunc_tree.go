// expect: ok outcomes "fetch a: shutting down\nfetch b: shutting down\ncleanup ran: true\n"
//
// A context tree with causes (Go 1.20/1.21 API): the service context is
// cancelled with a cause, each request context derives from it with a
// timeout that has a cause of its own, and context.AfterFunc closes the
// request's connection when its context ends. Workers report
// context.Cause, which is the service's cause: the parent was cancelled
// first and the timeout never fired.
// (outside round 4: a correct program written as engineers write it;
// Go 1.19 lacks WithCancelCause, WithTimeoutCause and AfterFunc, so the
// output is reasoned from their documentation: a child cancelled through
// its parent takes the parent's cause; AfterFunc's f runs once, in its
// own goroutine, after the context is done.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

var errShutdown = errors.New("shutting down")
var errSlow = errors.New("backend too slow")

type conn struct {
	mu     sync.Mutex
	closed bool
}

func (c *conn) Close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}

func fetch(ctx context.Context, name string, c *conn, out chan<- string) {
	ctx, cancel := context.WithTimeoutCause(ctx, time.Second, errSlow)
	defer cancel()
	closed := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		c.Close()
		close(closed)
	})
	defer stop()
	<-ctx.Done()
	<-closed
	out <- fmt.Sprintf("fetch %s: %v", name, context.Cause(ctx))
}

func main() {
	svc, shutdown := context.WithCancelCause(context.Background())
	out := make(chan string, 2)
	conns := []*conn{{}, {}}
	var wg sync.WaitGroup
	for i, name := range []string{"a", "b"} {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			fetch(svc, name, conns[i], out)
		}(i, name)
	}
	time.Sleep(10 * time.Millisecond)
	shutdown(errShutdown)
	wg.Wait()
	close(out)
	var lines []string
	for s := range out {
		lines = append(lines, s)
	}
	if lines[0] > lines[1] {
		lines[0], lines[1] = lines[1], lines[0]
	}
	fmt.Println(lines[0])
	fmt.Println(lines[1])
	all := true
	for _, c := range conns {
		c.mu.Lock()
		all = all && c.closed
		c.mu.Unlock()
	}
	fmt.Println("cleanup ran:", all)
}
