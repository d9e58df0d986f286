// expect: race
//
// A hand-written errgroup that records "the" error with a plain check and
// assignment from every failing goroutine: a data race on g.err.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

var errBroken = errors.New("broken")

type Group struct {
	wg  sync.WaitGroup
	err error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil && g.err == nil { // BUG: unsynchronised
			g.err = err
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

func main() {
	var g Group
	for i := 0; i < 2; i++ {
		i := i
		g.Go(func() error { return fmt.Errorf("shard %d: %w", i, errBroken) })
	}
	fmt.Println(g.Wait() != nil)
}
