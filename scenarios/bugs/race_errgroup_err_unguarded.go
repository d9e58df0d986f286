// expect: race
//
// An errgroup written out with sync, wrongly: each failing goroutine
// stores its error in the group's err field with no sync.Once or mutex,
// so two failures write it concurrently (errgroup keeps the first under
// a sync.Once).
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
		if err := f(); err != nil && g.err == nil {
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
	for _, name := range []string{"db", "cache"} {
		name := name
		g.Go(func() error { return errors.New(name + " unavailable") })
	}
	fmt.Println(g.Wait() != nil)
}
