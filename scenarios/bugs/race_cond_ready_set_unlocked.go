// expect: race deadlock
//
// A start gate: workers wait on a sync.Cond in a predicate loop under the
// lock, but the opener sets the ready flag without holding the lock
// before broadcasting. The flag races with the waiters' reads, and a
// waiter that read false just before the flag was set and the broadcast
// sent can then wait forever.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs; the lost wakeup is a narrow window, and
// with a sleep inside the waiter's loop Go reports "all goroutines are
// asleep".)
package main

import (
	"fmt"
	"sync"
)

type Gate struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
}

func (g *Gate) Wait() {
	g.mu.Lock()
	for !g.ready {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

func (g *Gate) Open() {
	g.ready = true
	g.cond.Broadcast()
}

func main() {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			g.Wait()
		}()
	}
	g.Open()
	wg.Wait()
	fmt.Println("all started")
}
