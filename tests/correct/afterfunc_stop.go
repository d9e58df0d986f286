// expect: ok outcomes "finished in time\nwatchdog canceled it\n"
//
// A request with a watchdog: time.AfterFunc cancels the request if it takes
// too long; a finished request stops the watchdog. Stop's result tells
// whether the callback had already started.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type request struct {
	mu       sync.Mutex
	canceled bool
}

func (r *request) cancel() {
	r.mu.Lock()
	r.canceled = true
	r.mu.Unlock()
}

func (r *request) isCanceled() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.canceled
}

func run(d time.Duration) string {
	r := &request{}
	fired := make(chan struct{})
	wd := time.AfterFunc(50*time.Millisecond, func() {
		r.cancel()
		close(fired)
	})
	time.Sleep(d)
	if wd.Stop() {
		return "finished in time"
	}
	<-fired
	if r.isCanceled() {
		return "watchdog canceled it"
	}
	return "impossible"
}

func main() {
	fmt.Println(run(10 * time.Millisecond))
	fmt.Println(run(80 * time.Millisecond))
}
