// expect: ok outcomes "hello <nil>\ntrue\ntrue\n"
//
// Interrupting a blocking read when the request's context is cancelled:
// context.AfterFunc (Go 1.21) registers a callback that closes the
// connection's interrupt channel; a read that completes first stops the
// callback. The conn's state is guarded by its mutex, and the callback's
// goroutine is joined through the closed channel before main reports.
// (outside round 3: a correct program written as engineers write it.
// It uses a Go 1.21 API, so Go 1.19's race detector cannot run it:
// the verdict is reasoned from the Go memory model.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

var errInterrupted = errors.New("read interrupted")

type Conn struct {
	mu          sync.Mutex
	interrupted bool
	intr        chan struct{}
	data        chan string
}

func (c *Conn) interrupt() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.interrupted {
		c.interrupted = true
		close(c.intr)
	}
}

func (c *Conn) Read(ctx context.Context) (string, error) {
	stop := context.AfterFunc(ctx, c.interrupt)
	defer stop()
	select {
	case s := <-c.data:
		return s, nil
	case <-c.intr:
		return "", errInterrupted
	}
}

func main() {
	c := &Conn{intr: make(chan struct{}), data: make(chan string, 1)}
	c.data <- "hello"
	s, err := c.Read(context.Background())
	fmt.Println(s, err)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err = c.Read(ctx)
	fmt.Println(errors.Is(err, errInterrupted))
	c.mu.Lock()
	fmt.Println(c.interrupted)
	c.mu.Unlock()
}
