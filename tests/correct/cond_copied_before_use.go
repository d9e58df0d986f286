// expect: outcomes "gate 0 released 1\ngate 1 released 1\n"
//
// Gates made by copying a prototype whose sync.Cond was never used: Go
// allows it (copyChecker only objects to a copy of a Cond that has been
// used), each copy is an independent Cond once its L is set.
// scenarios/bugs/panic_cond_copied_after_use.go copies one after use.
// go run -race: this output, no race or panic, 10 runs at each of
// GOMAXPROCS 1, 2, 4.
package main

import (
	"fmt"
	"sync"
)

type Gate struct {
	mu       sync.Mutex
	cond     sync.Cond
	open     bool
	released int
}

func (g *Gate) Wait() {
	g.mu.Lock()
	for !g.open {
		g.cond.Wait()
	}
	g.released++
	g.mu.Unlock()
}

func (g *Gate) Open() {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	g.cond.Broadcast()
}

func main() {
	var proto Gate
	gates := make([]Gate, 2)
	for i := range gates {
		gates[i] = proto // a copy of a Cond not used yet
		gates[i].cond.L = &gates[i].mu
	}
	var wg sync.WaitGroup
	for i := range gates {
		wg.Add(1)
		go func(g *Gate) {
			defer wg.Done()
			g.Wait()
		}(&gates[i])
	}
	for i := range gates {
		gates[i].Open()
	}
	wg.Wait()
	for i := range gates {
		fmt.Println("gate", i, "released", gates[i].released)
	}
}
