// expect: race
//
// A hand-written errgroup records the first error with an unsynchronized
// check-then-set of g.err. go run -race: DATA RACE, four runs of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Group struct {
	wg  sync.WaitGroup
	err error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil && g.err == nil { // BUG: unsynchronized
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
		g.Go(func() error { return errors.New(fmt.Sprint("task ", i)) })
	}
	fmt.Println(g.Wait() != nil)
}
