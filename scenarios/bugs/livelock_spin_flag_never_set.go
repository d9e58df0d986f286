// expect: livelock
//
// main spins on ready, but the worker sets done instead (a typo): no
// task left writes ready, so main spins forever. The await check parks
// main at its load of ready; once the worker has ended, nothing can
// wake it: a livelock at the load's line, naming ready.
package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var ready, done atomic.Bool
	result := 0
	go func() {
		result = 42
		done.Store(true)
	}()
	for !ready.Load() {
	}
	fmt.Println(result)
}
