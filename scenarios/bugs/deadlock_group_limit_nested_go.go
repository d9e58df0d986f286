// expect: deadlock
//
// A hand-written errgroup with SetLimit (as golang.org/x/sync/errgroup):
// Go blocks while the limit is reached. A task spawns its subtasks with
// g.Go on the same group; with a limit of 1 the parent holds the only
// slot while it waits in g.Go for a slot for its child, which it never
// frees. x/sync documents the same trap for its errgroup.
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) reports "all goroutines are asleep".)
package main

import (
	"fmt"
	"sync"
)

type Group struct {
	wg  sync.WaitGroup
	sem chan struct{}
	mu  sync.Mutex
	err error
}

func (g *Group) SetLimit(n int) { g.sem = make(chan struct{}, n) }

func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- struct{}{}
	}
	g.wg.Add(1)
	go func() {
		defer func() {
			if g.sem != nil {
				<-g.sem
			}
			g.wg.Done()
		}()
		if err := f(); err != nil {
			g.mu.Lock()
			if g.err == nil {
				g.err = err
			}
			g.mu.Unlock()
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

type dir struct {
	name string
	kids []dir
}

func walk(g *Group, d dir, mu *sync.Mutex, seen *[]string) error {
	mu.Lock()
	*seen = append(*seen, d.name)
	mu.Unlock()
	for _, k := range d.kids {
		k := k
		g.Go(func() error { return walk(g, k, mu, seen) }) // BUG: nested Go under a limit
	}
	return nil
}

func main() {
	tree := dir{"/", []dir{{"/a", nil}, {"/b", []dir{{"/b/c", nil}}}}}
	var g Group
	g.SetLimit(1)
	var mu sync.Mutex
	var seen []string
	g.Go(func() error { return walk(&g, tree, &mu, &seen) })
	err := g.Wait()
	fmt.Println(len(seen), err)
}
