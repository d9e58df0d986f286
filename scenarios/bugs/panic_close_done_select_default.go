// expect: panic
//
// Stop closes the done channel "only once" with the select/default
// idiom: both callers can see it still open and both close it.
// (outside round 4: a bug written as engineers write it; go run -race
// panics "close of closed channel" in some runs.)
package main

import (
	"fmt"
	"sync"
)

type Worker struct {
	done chan struct{}
	wg   sync.WaitGroup
}

func (w *Worker) Start() {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		<-w.done
	}()
}

func (w *Worker) Stop() {
	select {
	case <-w.done:
		// already stopped
	default:
		close(w.done)
	}
	w.wg.Wait()
}

func main() {
	w := &Worker{done: make(chan struct{})}
	w.Start()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ { // the signal handler and the health check both stop it
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Stop()
		}()
	}
	wg.Wait()
	fmt.Println("stopped")
}
