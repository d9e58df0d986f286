// expect: deadlock
//
// A snapshot of a cache copies its RWMutex while it is write-locked: the
// copy stays write-locked (Go copies the state with the struct; go vet:
// copylocks), so RLock on it blocks forever. go run: all goroutines are
// asleep - deadlock! (two runs).
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func main() {
	c := Cache{m: map[string]string{"a": "1"}}
	c.mu.Lock()
	snapshot := c // BUG: copies the RWMutex while write-locked
	c.m["b"] = "2"
	c.mu.Unlock()
	snapshot.mu.RLock() // the copy stays write-locked: blocks forever
	fmt.Println(len(snapshot.m))
	snapshot.mu.RUnlock()
}
