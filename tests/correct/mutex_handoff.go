// expect: ok outcomes "ready 42\n"
//
// A Mutex used as a one-shot signal: main locks it, the worker fills the
// value and unlocks it; main's second Lock waits for that Unlock. Go's
// Mutex is not owned by a goroutine, and Unlock happens before the next
// Lock returns, so the read is ordered.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var v int
	mu.Lock()
	go func() {
		v = 42
		mu.Unlock()
	}()
	mu.Lock()
	fmt.Println("ready", v)
	mu.Unlock()
}
