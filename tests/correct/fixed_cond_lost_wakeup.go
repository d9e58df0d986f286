// expect: ok
//
// scenarios/bugs/deadlock_cond_lost_wakeup.go fixed: the condition is
// state under the mutex, and Wait runs in a loop over it, so a Signal
// sent before the Wait is not lost.
package main

import "sync"

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		ready = true
		mu.Unlock()
		c.Signal()
	}()
	mu.Lock()
	for !ready {
		c.Wait()
	}
	mu.Unlock()
}
