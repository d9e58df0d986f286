// expect: ok outcomes "Ready is true, proceeding.\n"
// weft: --time loose
//
// "Go Concurrency Patterns" (seeds/002), section Conditions, unmodified:
// main waits on a sync.Cond in a `for !ready` loop while holding its
// lock; a goroutine sets ready under the lock and signals. The flag is
// only touched under the lock (no race) and the loop rechecks it, so a
// signal sent before main waits is not lost: no deadlock. Explored
// with --time loose so that the goroutine's one-second sleep does not
// order it after main's Wait: the signal-before-wait interleavings are
// covered too.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	go func() {
		time.Sleep(1 * time.Second)
		cond.L.Lock()
		ready = true
		cond.L.Unlock()
		cond.Signal() // Notify one waiting goroutine
	}()
	cond.L.Lock()
	for !ready {
		cond.Wait() // Wait until condition is met
	}
	fmt.Println("Ready is true, proceeding.")
	cond.L.Unlock()
}
