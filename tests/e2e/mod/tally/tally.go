// Package tally counts visits, with a data race: Add forgets the lock.
package tally

import "sync"

type Tally struct {
	mu sync.Mutex
	n  int
}

func (t *Tally) Add() { t.n++ }

func (t *Tally) N() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}
