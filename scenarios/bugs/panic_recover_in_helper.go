// expect: panic
//
// recover called from a helper that the deferred closure calls returns nil:
// it is not called directly by the deferred function, so the goroutine's
// panic goes on and crashes the program.
// (issue 15, outside round: a bug written as engineers write it; go run:
// the nil dereference panic in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

func logPanic(where string) {
	if r := recover(); r != nil {
		fmt.Println(where, "recovered:", r)
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { logPanic("worker") }()
		var p *struct{ n int }
		p.n = 1
	}()
	wg.Wait()
	fmt.Println("done")
}
