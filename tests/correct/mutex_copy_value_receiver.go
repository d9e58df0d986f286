// expect: outcomes "copy of locked is locked: true\ncopy of unlocked is locked: false\n"
//
// A value receiver copies the struct and its Mutex, with the state the
// Mutex has at the copy (go vet: copylocks; the program runs): the copy of
// a locked Mutex is locked, TryLock on it fails; unlocked, it succeeds.
// go run -race (GOMAXPROCS 1 and 2, four runs) prints the same.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

// Value receiver: c is a copy, and so is c.mu.
func (c Counter) Locked() bool {
	ok := c.mu.TryLock()
	if ok {
		c.mu.Unlock()
	}
	return !ok
}

func main() {
	var c Counter
	c.mu.Lock()
	fmt.Println("copy of locked is locked:", c.Locked())
	c.mu.Unlock()
	fmt.Println("copy of unlocked is locked:", c.Locked())
}
