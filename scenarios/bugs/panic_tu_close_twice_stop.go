// expect: panic
//
// "Understanding Real-World Concurrency Bugs in Go" (Tu et al., 2019), a
// non-blocking bug of the Docker kind: Stop closes the quit channel and
// two goroutines may both call it (a health check and a signal handler);
// the check-then-close on a plain bool lets both close it: "close of
// closed channel".
package main

import (
	"fmt"
	"sync"
)

type daemon struct {
	mu      sync.Mutex
	stopped bool
	quit    chan struct{}
}

func (d *daemon) Stop() {
	d.mu.Lock()
	stopped := d.stopped
	d.mu.Unlock()
	if !stopped {
		close(d.quit)
		d.mu.Lock()
		d.stopped = true
		d.mu.Unlock()
	}
}

func main() {
	d := &daemon{quit: make(chan struct{})}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.Stop()
		}()
	}
	wg.Wait()
	<-d.quit
	fmt.Println("stopped")
}
