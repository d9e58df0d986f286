// expect: panic
//
// A classic test bug (knative serving#4908, #6171): the code under test
// keeps a logger built on t and logs from a goroutine it started, which
// may run after the test has returned. go test then panics with "Log in
// goroutine after TestWatcher has completed"; weft finds the interleaving
// in which the goroutine logs late.
package watcher

import (
	"sync"
	"testing"
)

type Logger interface {
	Logf(format string, args ...any)
}

type Watcher struct {
	log Logger
}

func (w *Watcher) Start() {
	go func() {
		w.log.Logf("checking %s", "destinations")
	}()
}

func TestWatcher(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w := &Watcher{log: t}
		w.Start()
	}()
	wg.Wait()
}
