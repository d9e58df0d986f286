// expect: deadlock
//
// A job registry: waitFor looks the job up under the registry lock and,
// still holding it, waits on the job's condition variable. complete needs
// the registry lock to find the job before it can signal, so the waiter
// holds what the completer needs and the completer never signals.
// (outside round 3: a bug written as engineers write it; go run (without
// -race) reports "all goroutines are asleep" in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type Job struct {
	mu   sync.Mutex
	cond *sync.Cond
	done bool
}

type Registry struct {
	mu   sync.Mutex
	jobs map[string]*Job
}

func (r *Registry) add(id string) {
	j := &Job{}
	j.cond = sync.NewCond(&j.mu)
	r.mu.Lock()
	r.jobs[id] = j
	r.mu.Unlock()
}

func (r *Registry) waitFor(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	j := r.jobs[id]
	j.mu.Lock()
	for !j.done {
		j.cond.Wait()
	}
	j.mu.Unlock()
}

func (r *Registry) complete(id string) {
	r.mu.Lock()
	j := r.jobs[id]
	r.mu.Unlock()
	j.mu.Lock()
	j.done = true
	j.cond.Broadcast()
	j.mu.Unlock()
}

func main() {
	r := &Registry{jobs: map[string]*Job{}}
	r.add("build")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.complete("build")
	}()
	r.waitFor("build")
	wg.Wait()
	fmt.Println("built")
}
