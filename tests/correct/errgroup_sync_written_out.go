// expect: ok
//
// golang.org/x/sync/errgroup's Group written out with sync: Go runs f in
// a goroutine, the first error is kept under a sync.Once and cancels the
// group's context, Wait waits for all and returns that error. The
// fetchers stop early once the context is canceled.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

type Group struct {
	cancel  func()
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
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

var errBroken = errors.New("broken link")

func main() {
	g, ctx := WithContext(context.Background())
	results := make([]string, 3)
	for i, url := range []string{"a", "b", "broken"} {
		i, url := i, url
		g.Go(func() error {
			if url == "broken" {
				return fmt.Errorf("fetch %s: %w", url, errBroken)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			default:
			}
			results[i] = "page " + url
			return nil
		})
	}
	err := g.Wait()
	fmt.Println(errors.Is(err, errBroken), err)
}
