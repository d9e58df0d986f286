// expect: deadlock
//
// "Understanding Real-World Concurrency Bugs in Go" (Tu et al., 2019):
// Go's RWMutex gives a waiting writer priority over new readers, so a
// read lock taken twice by one goroutine deadlocks when a writer arrives
// between the two: the second RLock waits for the writer, the writer for
// the first RLock.
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	mu    sync.RWMutex
	names map[string]int
}

func (r *registry) count() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.names)
}

func (r *registry) describe() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return fmt.Sprintf("%d names", r.count()) // RLock again
}

func (r *registry) add(n string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names[n] = len(r.names)
}

func main() {
	r := &registry{names: map[string]int{}}
	done := make(chan bool)
	go func() {
		r.add("a")
		done <- true
	}()
	fmt.Println(r.describe())
	<-done
}
