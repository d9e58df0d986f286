// Package errgroup is a stand-in for golang.org/x/sync/errgroup, written
// for weft's tests (same API, our own code): goroutines working on the
// parts of one task, the first error kept, the group's context cancelled
// by it, and an optional limit on how many run at once.
package errgroup

import (
	"context"
	"fmt"
	"sync"
)

type token struct{}

// A Group is a collection of goroutines working on parts of one task.
type Group struct {
	cancel func()
	wg     sync.WaitGroup
	sem    chan token
	once   sync.Once
	err    error
}

// WithContext returns a Group and a context cancelled when a function
// passed to Go first fails or when Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

// Wait waits for every function passed to Go, then returns the first
// error any of them returned.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel()
	}
	return g.err
}

// Go runs f in a new goroutine, waiting first for a free slot when the
// group has a limit.
func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- token{}
	}
	g.start(f)
}

// TryGo runs f in a new goroutine only if a slot is free.
func (g *Group) TryGo(f func() error) bool {
	if g.sem != nil {
		select {
		case g.sem <- token{}:
		default:
			return false
		}
	}
	g.start(f)
	return true
}

func (g *Group) start(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.release()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel()
				}
			})
		}
	}()
}

func (g *Group) release() {
	if g.sem != nil {
		<-g.sem
	}
	g.wg.Done()
}

// SetLimit lets at most n goroutines of the group run at once (n < 0: no
// limit). It must not be called while any is running.
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.sem = nil
		return
	}
	if len(g.sem) != 0 {
		panic(fmt.Errorf("errgroup: modify limit while %v goroutines in the group are still active", len(g.sem)))
	}
	g.sem = make(chan token, n)
}
