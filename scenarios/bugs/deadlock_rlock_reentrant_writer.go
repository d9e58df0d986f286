// expect: deadlock
//
// Summary read-locks and calls Len, which read-locks again; a writer
// waiting in between blocks the second RLock, and the writer waits for
// the first: a deadlock go run rarely shows.
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu    sync.RWMutex
	items map[string]int
}

func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.items)
}

func (r *Registry) Summary() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	// BUG: Len read-locks again; a writer waiting in between blocks it
	return fmt.Sprintf("%d items", r.Len())
}

func (r *Registry) Add(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[k]++
}

func main() {
	r := &Registry{items: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); r.Add("x") }()
	go func() { defer wg.Done(); fmt.Println(r.Summary()) }()
	wg.Wait()
}
