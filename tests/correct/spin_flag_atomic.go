// expect: ok outcomes "42\n"
//
// main spins on an atomic flag until a worker, after writing the result,
// sets it: correct (go run -race: no race). Each useless iteration only
// reads the flag, so the await check parks main until the flag is
// written: the search completes in a few executions instead of exploring
// every count of iterations.
package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var flag atomic.Bool
	result := 0
	go func() {
		result = 42
		flag.Store(true)
	}()
	for !flag.Load() {
	}
	fmt.Println(result)
}
