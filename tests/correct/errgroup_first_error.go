// expect: ok outcomes "error: fetch 2: bad input\nis bad input: true\n"
//
// A hand-written errgroup: the first error (wrapped with %w) cancels the
// other fetches through the context; Wait returns it.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Group is a small errgroup: the first error cancels the others.
type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	cancel  func()
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel()
				}
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel()
	}
	return g.err
}

var errBadInput = errors.New("bad input")

func fetch(ctx context.Context, id int) error {
	if id == 2 {
		return fmt.Errorf("fetch %d: %w", id, errBadInput)
	}
	<-ctx.Done()
	return ctx.Err()
}

func main() {
	g, ctx := WithContext(context.Background())
	for i := 1; i <= 3; i++ {
		id := i
		g.Go(func() error { return fetch(ctx, id) })
	}
	err := g.Wait()
	fmt.Println("error:", err)
	fmt.Println("is bad input:", errors.Is(err, errBadInput))
}
