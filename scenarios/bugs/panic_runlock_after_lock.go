// expect: panic
//
// A writer path releases its write lock with RUnlock (a copy-paste from
// the read path): a fatal error.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Table struct {
	mu   sync.RWMutex
	rows map[int]string
}

func (t *Table) Get(k int) string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.rows[k]
}

func (t *Table) Set(k int, v string) {
	t.mu.Lock()
	defer t.mu.RUnlock() // BUG: should be Unlock
	t.rows[k] = v
}

func main() {
	t := &Table{rows: map[int]string{}}
	t.Set(1, "one")
	fmt.Println(t.Get(1))
}
