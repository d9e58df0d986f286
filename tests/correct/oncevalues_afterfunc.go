// expect: ok
//
// sync.OnceValues (Go 1.21) loads a config once for concurrent callers;
// context.AfterFunc (Go 1.21) closes a connection stand-in when the
// context is canceled, and its stop function is consulted; errors.Join
// collects the workers' errors under a mutex.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

type conn struct {
	mu     sync.Mutex
	closed bool
}

func (c *conn) Close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}

func main() {
	load := sync.OnceValues(func() (map[string]int, error) {
		return map[string]int{"limit": 2}, nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	c := &conn{}
	closed := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		c.Close()
		close(closed)
	})
	var mu sync.Mutex
	var errs error
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg, err := load()
			if err == nil && i >= cfg["limit"] {
				err = fmt.Errorf("worker %d over limit", i)
			}
			if err != nil {
				mu.Lock()
				errs = errors.Join(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	cancel()
	<-closed
	fmt.Println(stop(), errs)
}
