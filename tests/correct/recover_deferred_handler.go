// expect: ok outcomes "worker recovered: boom\ndone\n"
//
// The handler itself is the deferred function (`defer logPanic(...)`), so
// its recover stops the goroutine's panic.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
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
		defer logPanic("worker")
		panic("boom")
	}()
	wg.Wait()
	fmt.Println("done")
}
