// expect: ok outcomes "indexed 4 files, 0 errors\n"
//
// An errgroup with SetLimit and TryGo, as golang.org/x/sync/errgroup: the
// indexer hands a file to the group when a slot is free and indexes it
// itself otherwise, so the producer never blocks.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
)

type token struct{}

type Group struct {
	wg      sync.WaitGroup
	sem     chan token
	errOnce sync.Once
	err     error
}

func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.sem = nil
		return
	}
	if len(g.sem) != 0 {
		panic(fmt.Errorf("errgroup: modify limit while %v goroutines in the group are still active", len(g.sem)))
	}
	g.sem = make(chan token, n)
}

func (g *Group) done() {
	if g.sem != nil {
		<-g.sem
	}
	g.wg.Done()
}

func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- token{}
	}
	g.wg.Add(1)
	go func() {
		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) TryGo(f func() error) bool {
	if g.sem != nil {
		select {
		case g.sem <- token{}:
		default:
			return false
		}
	}
	g.wg.Add(1)
	go func() {
		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
	return true
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

type Index struct {
	mu    sync.Mutex
	words map[string]int
}

func (ix *Index) add(file string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.words[file]++
	return nil
}

func main() {
	ix := &Index{words: map[string]int{}}
	var g Group
	g.SetLimit(2)
	inline := 0
	for i := 0; i < 4; i++ {
		file := fmt.Sprintf("f%02d.go", i)
		if !g.TryGo(func() error { return ix.add(file) }) {
			inline++
			if err := ix.add(file); err != nil {
				panic(err)
			}
		}
	}
	err := g.Wait()
	errs := 0
	if err != nil {
		errs = 1
	}
	_ = inline
	fmt.Printf("indexed %d files, %d errors\n", len(ix.words), errs)
}
