// expect: panic
//
// A waiter calls cond.Wait without holding cond.L: Wait's unlock of the
// unlocked mutex is a fatal error.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func (g *Gate) WaitOpen() {
	for !g.isOpen() {
		g.cond.Wait() // BUG: g.mu is not held here
	}
}

func (g *Gate) isOpen() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.open
}

func (g *Gate) Open() {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	g.cond.Broadcast()
}

func main() {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	done := make(chan struct{})
	go func() {
		g.WaitOpen()
		close(done)
	}()
	g.Open()
	<-done
	fmt.Println("open")
}
