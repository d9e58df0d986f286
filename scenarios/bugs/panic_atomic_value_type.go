// expect: panic
//
// An atomic.Value holding the current endpoint: a reload stores a
// different concrete type (a *url-like struct instead of a string), and
// Store panics.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Endpoint struct{ Host string }

func main() {
	var current atomic.Value
	current.Store("localhost:8080")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		current.Store(&Endpoint{Host: "10.0.0.2"}) // BUG: another type than the first Store's
	}()
	wg.Wait()
	fmt.Println(current.Load())
}
