// expect: ok outcomes "2 <nil>\ntrue\n"
//
// An errgroup written by hand (the x/sync one is not vendored): Go runs
// each task, the first error is kept and cancels the shared context, Wait
// returns it. Each task stores its page into its own slot.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

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

var errNotFound = errors.New("404")

func get(ctx context.Context, url string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if url == "/missing" {
		return "", errNotFound
	}
	return "<html>" + url, nil
}

func fetchAll(urls []string) ([]string, error) {
	g, ctx := WithContext(context.Background())
	pages := make([]string, len(urls))
	for i, u := range urls {
		i, u := i, u
		g.Go(func() error {
			p, err := get(ctx, u)
			if err != nil {
				return fmt.Errorf("get %s: %w", u, err)
			}
			pages[i] = p
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return pages, nil
}

func main() {
	pages, err := fetchAll([]string{"/a", "/b"})
	fmt.Println(len(pages), err)
	_, err = fetchAll([]string{"/a", "/missing"})
	fmt.Println(errors.Is(err, errNotFound))
}
