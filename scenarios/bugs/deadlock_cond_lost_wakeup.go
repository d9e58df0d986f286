// expect: deadlock
//
// A lost wakeup: the signaller does not hold the lock and does not set a
// condition the waiter re-checks, so a Signal sent before the Wait is
// lost and the waiter sleeps forever.
package main

import "sync"

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	go func() {
		c.Signal()
	}()
	mu.Lock()
	c.Wait()
	mu.Unlock()
}
