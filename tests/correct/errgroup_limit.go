// expect: ok outcomes "err: input 2: parse error true\n"
//
// A hand-written errgroup with a concurrency limit (as x/sync/errgroup's
// SetLimit): Go blocks while the limit is reached; the first error wins
// and cancels the rest.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
)

type Group struct {
	cancel  func()
	wg      sync.WaitGroup
	sem     chan struct{}
	errOnce sync.Once
	err     error
}

func WithContext(ctx context.Context, limit int) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel, sem: make(chan struct{}, limit)}, ctx
}

func (g *Group) Go(f func() error) {
	g.sem <- struct{}{}
	g.wg.Add(1)
	go func() {
		defer func() { <-g.sem; g.wg.Done() }()
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

var errParse = errors.New("parse error")

func main() {
	inputs := []string{"1", "2", "x", "4", "5"}
	g, ctx := WithContext(context.Background(), 2)
	sums := make([]int, len(inputs))
	for i, s := range inputs {
		i, s := i, s
		g.Go(func() error {
			select {
			case <-ctx.Done():
				return ctx.Err()
			default:
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return fmt.Errorf("input %d: %w", i, errParse)
			}
			sums[i] = n * n
			return nil
		})
	}
	err := g.Wait()
	fmt.Println("err:", err, errors.Is(err, errParse))
}
