// expect: race
//
// A metrics reporter takes a snapshot by copying the struct (snap := *m)
// with no lock, while a handler counts a request under the lock. The
// reporter is started first: a copy made before the field's first write
// must still race with it. (issue 15, outside check.)
package main

import (
	"fmt"
	"sync"
)

type Metrics struct {
	mu       sync.Mutex
	Requests int
	Errors   int
}

func main() {
	m := &Metrics{}
	var wg sync.WaitGroup
	var snap Metrics
	wg.Add(2)
	go func() {
		defer wg.Done()
		snap = *m // BUG: an unlocked copy reads Requests and Errors
	}()
	go func() {
		defer wg.Done()
		m.mu.Lock()
		m.Requests++
		m.mu.Unlock()
	}()
	wg.Wait()
	fmt.Println(snap.Requests+snap.Errors <= 1)
}
