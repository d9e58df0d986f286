// expect: ok
//
// A three-stage pipeline run under a hand-written errgroup (Go blocks on
// no limit; Wait returns the first error and cancels the shared
// context). The parser fails on a bad record mid-stream: every stage
// selects on ctx.Done() around its sends, so the reader and the writer
// return instead of blocking, and Wait reports the parser's error.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
)

type Group struct {
	wg      sync.WaitGroup
	cancel  context.CancelFunc
	errOnce sync.Once
	err     error
}

func WithContext(parent context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				g.cancel()
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

func run(lines []string) (int, error) {
	g, ctx := WithContext(context.Background())
	raw := make(chan string)
	nums := make(chan int)
	sum := 0

	g.Go(func() error {
		defer close(raw)
		for _, l := range lines {
			select {
			case raw <- l:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	g.Go(func() error {
		defer close(nums)
		n := 0
		for l := range raw {
			n++
			v, err := strconv.Atoi(l)
			if err != nil {
				return &ParseError{Line: n, Err: err}
			}
			select {
			case nums <- v:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	g.Go(func() error {
		for v := range nums {
			sum += v
		}
		return nil
	})
	err := g.Wait()
	return sum, err
}

func main() {
	if s, err := run([]string{"1", "2", "3"}); err != nil || s != 6 {
		panic(fmt.Sprint("good input: ", s, err))
	}
	_, err := run([]string{"4", "x", "5", "6"})
	var pe *ParseError
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &pe), pe.Line, errors.As(err, &ne), errors.Is(err, strconv.ErrSyntax))
}
