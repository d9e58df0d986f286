// expect: race assert
//
// The worker raises the flag before it writes the result: main, spinning
// on the flag, may read the result before it is written (a race, and
// the assertion fails when it does). The await check skips the useless
// iterations of the spin, not the orders that matter: both are found.
package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var flag atomic.Bool
	result := 0
	go func() {
		flag.Store(true)
		result = 42
	}()
	for !flag.Load() {
	}
	r := result
	assert(r == 42, "read the result before it was written:", r)
	fmt.Println(r)
}
