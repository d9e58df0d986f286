// expect: race
//
// A batching writer: Write appends under the mutex and flushes when the
// batch is full; a ticker goroutine flushes periodically. The ticker
// path checks len(w.batch) before taking the lock ("cheap fast path"),
// which races with Write's append.
// (outside round 5: a bug written as engineers write it; go run -race
// (Go 1.19) reports the data race on w.batch.)
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type Writer struct {
	mu      sync.Mutex
	batch   []string
	flushed []string
	size    int
}

func (w *Writer) flushLocked() {
	if len(w.batch) == 0 {
		return
	}
	w.flushed = append(w.flushed, strings.Join(w.batch, ","))
	w.batch = nil
}

func (w *Writer) Write(s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.batch = append(w.batch, s)
	if len(w.batch) >= w.size {
		w.flushLocked()
	}
}

func (w *Writer) tick(done <-chan struct{}, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			if len(w.batch) == 0 { // BUG: read without the lock
				continue
			}
			w.mu.Lock()
			w.flushLocked()
			w.mu.Unlock()
		}
	}
}

func main() {
	w := &Writer{size: 10}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() { w.tick(done, time.Millisecond); close(stopped) }()
	for i := 0; i < 3; i++ {
		w.Write(fmt.Sprint(i))
		time.Sleep(2 * time.Millisecond)
	}
	close(done)
	<-stopped
	w.mu.Lock()
	w.flushLocked()
	fmt.Println(len(w.flushed) > 0)
	w.mu.Unlock()
}
