// expect: panic
//
// Stop closes the quit channel and is reached twice (error handler and
// shutdown) without a sync.Once: close of closed channel.
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"sync"
)

type Worker struct {
	quit chan struct{}
}

// Stop is called from both the error handler and the shutdown path.
func (w *Worker) Stop() {
	close(w.quit) // BUG: no sync.Once, a second Stop panics
}

func main() {
	w := &Worker{quit: make(chan struct{})}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		w.Stop() // on error
	}()
	go func() {
		defer wg.Done()
		w.Stop() // on shutdown
	}()
	wg.Wait()
	fmt.Println("stopped")
}
