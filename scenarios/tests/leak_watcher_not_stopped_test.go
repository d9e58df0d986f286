// expect: leak
//
// A watcher whose Stop is never called by the test: its goroutine stays
// blocked on the events channel after the test returns (goleak fails it).
// (issue 15, outside check: a bug written as engineers write it; go test
// -race or reasoning confirms it.)
package fswatch

import "testing"

type Watcher struct {
	events chan string
	stop   chan struct{}
	seen   chan int
}

func Start() *Watcher {
	w := &Watcher{events: make(chan string), stop: make(chan struct{}), seen: make(chan int, 1)}
	go func() {
		n := 0
		for {
			select {
			case <-w.events:
				n++
			case <-w.stop:
				w.seen <- n
				return
			}
		}
	}()
	return w
}

func (w *Watcher) Stop() int { close(w.stop); return <-w.seen }

func TestWatcher(t *testing.T) {
	w := Start()
	w.events <- "create"
	w.events <- "write"
	// BUG: missing defer w.Stop()
}
