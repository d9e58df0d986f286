// expect: panic
//
// A gate that workers wait on; Clone makes a new gate for the next round
// by copying the struct, sync.Cond included, after the first round has
// broadcast on it. Go's Cond remembers its first use (copyChecker), so
// the clone's first method call panics "sync.Cond is copied" (go vet's
// copylocks check warns about the copy too).
// go run: "panic: sync.Cond is copied" in every run, 10 runs at each of
// GOMAXPROCS 1, 2, 4.
package main

import (
	"fmt"
	"sync"
)

type Gate struct {
	mu   sync.Mutex
	cond sync.Cond
	open bool
}

func NewGate() *Gate {
	g := &Gate{}
	g.cond.L = &g.mu
	return g
}

func (g *Gate) Wait() {
	g.mu.Lock()
	for !g.open {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

func (g *Gate) Open() {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	g.cond.Broadcast()
}

// Clone: a closed gate like this one. BUG: copies the used Cond.
func (g *Gate) Clone() *Gate {
	c := *g
	c.cond.L = &c.mu
	c.open = false
	return &c
}

func main() {
	g := NewGate()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.Wait()
		}()
	}
	g.Open()
	wg.Wait()
	next := g.Clone()
	go next.Wait()
	next.Open()
	fmt.Println("second round open")
}
