// expect: deadlock
//
// A generic registry whose Keys holds the read lock and calls Len, which
// takes it again. With a writer waiting between the two RLocks, Go's
// writer-preferring RWMutex blocks the second RLock behind the writer,
// which waits for the first: main and the writer are stuck for good.
// (issue 15, outside round: a bug written as engineers write it; go run
// -race shows no deadlock in 12 runs (the writer must arrive between the
// two RLocks); reasoning on sync.RWMutex confirms it.)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Registry[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

func (r *Registry[K, V]) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.m)
}

func (r *Registry[K, V]) Keys(less func(a, b K) bool) []K {
	r.mu.RLock()
	defer r.mu.RUnlock()
	keys := make([]K, 0, r.Len())
	for k := range r.m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return keys
}

func (r *Registry[K, V]) Put(k K, v V) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.m[k] = v
}

func main() {
	r := &Registry[string, int]{m: map[string]int{"a": 1}}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.Put("b", 2)
	}()
	fmt.Println(len(r.Keys(func(a, b string) bool { return a < b })))
	wg.Wait()
}
