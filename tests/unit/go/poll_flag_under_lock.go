// A correct poller: main locks, looks at the flag, unlocks, in a loop,
// until the worker sets it under the same lock. Go ends it (go run -race,
// four runs: 42): the worker is enabled at each Unlock and Go's scheduler
// and mutex (starvation mode) run it in time. Not a livelock: a cycle in
// which the worker could run at some step but never did is unfair
// (tests/e2e/go.sh replays one such cycle).
package main

import (
	"fmt"
	"sync"
)

type Job struct {
	mu   sync.Mutex
	done bool
	val  int
}

func main() {
	j := &Job{}
	go func() {
		j.mu.Lock()
		j.val = 42
		j.done = true
		j.mu.Unlock()
	}()
	for { // poll the flag under the lock until the worker sets it
		j.mu.Lock()
		if j.done {
			v := j.val
			j.mu.Unlock()
			fmt.Println(v)
			return
		}
		j.mu.Unlock()
	}
}
