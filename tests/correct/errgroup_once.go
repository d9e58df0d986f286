// expect: outcomes "true\n"
//
// scenarios/bugs/race_errgroup_err.go fixed: the first error is kept through a
// sync.Once. go run -race: true, four runs.
// (issue 15, outside round.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
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
		g.Go(func() error { return errors.New(fmt.Sprint("task ", i)) })
	}
	fmt.Println(g.Wait() != nil)
}
