// expect: race
//
// A registry guards its map with a mutex but All returns the map itself:
// the caller ranges over it while Register writes it under the lock.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu    sync.Mutex
	nodes map[string]string
}

func (r *Registry) Register(name, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.nodes[name] = addr
}

func (r *Registry) All() map[string]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.nodes // BUG: hands out the guarded map, not a copy
}

func main() {
	r := &Registry{nodes: map[string]string{"a": "10.0.0.1"}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Register("b", "10.0.0.2")
	}()
	n := 0
	for range r.All() {
		n++
	}
	<-done
	fmt.Println(n >= 1)
}
