// expect: deadlock
//
// A hand-written errgroup whose tasks deliver their results on an
// unbuffered channel, while the caller calls Wait before it starts
// reading: every task is blocked in its send, the caller in Wait.
// (outside round 3: a bug written as engineers write it; go run (without
// -race) reports "all goroutines are asleep" in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type Group struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.mu.Lock()
			g.errs = append(g.errs, err)
			g.mu.Unlock()
		}
	}()
}

func (g *Group) Wait() []error {
	g.wg.Wait()
	return g.errs
}

func main() {
	sizes := make(chan int)
	var g Group
	for _, name := range []string{"a.txt", "b.txt"} {
		name := name
		g.Go(func() error {
			sizes <- len(name) * 100
			return nil
		})
	}
	if errs := g.Wait(); len(errs) > 0 {
		fmt.Println("errors:", errs)
		return
	}
	total := 0
	for i := 0; i < 2; i++ {
		total += <-sizes
	}
	fmt.Println("total", total)
}
