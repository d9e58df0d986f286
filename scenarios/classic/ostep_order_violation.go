// expect: race panic
//
// OSTEP's order violation (Figure 32.4) in Go: the worker reads
// mThread.State assuming its creator has already stored mThread. If the
// worker runs first, mThread is still nil: a data race and a nil
// pointer dereference.
package main

import (
	"fmt"
	"sync"
)

type Thread struct{ State int }

var mThread *Thread

func main() {
	var wg sync.WaitGroup
	var state int
	wg.Add(1)
	go func() {
		defer wg.Done()
		state = mThread.State
	}()
	mThread = &Thread{State: 1}
	wg.Wait()
	fmt.Println(state)
}
