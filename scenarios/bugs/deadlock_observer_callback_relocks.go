// expect: deadlock
//
// A config registry notifies its observers while holding its lock; one
// observer reads the new value back through Get, which takes the same
// (non-reentrant) mutex, so Set never returns.
// (outside round 4: a bug written as engineers write it; go run -race
// reports "all goroutines are asleep - deadlock!".)
package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu        sync.Mutex
	values    map[string]string
	observers []func(key string)
}

func (r *Registry) Watch(f func(key string)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.observers = append(r.observers, f)
}

func (r *Registry) Get(key string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.values[key]
}

func (r *Registry) Set(key, val string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.values[key] = val
	for _, f := range r.observers {
		f(key)
	}
}

func main() {
	r := &Registry{values: map[string]string{}}
	var wg sync.WaitGroup
	r.Watch(func(key string) {
		fmt.Println("changed", key, "=", r.Get(key))
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.Set("log.level", "debug")
	}()
	wg.Wait()
}
