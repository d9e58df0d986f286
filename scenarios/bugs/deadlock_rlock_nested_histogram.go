// expect: deadlock
//
// A histogram whose Summary read-locks and then calls Mean, which
// read-locks again. Alone that works, but a writer that arrives between
// the two RLocks is queued, Go's RWMutex then blocks new readers, and the
// nested RLock waits for the writer, which waits for the outer RLock.
// (outside round 3: a bug written as engineers write it; go run shows no
// deadlock in 24 runs (a narrow window); with a sleep between the two RLocks
// and before the writer, Go reports "all goroutines are asleep".)
package main

import (
	"fmt"
	"sync"
)

type Histogram struct {
	mu     sync.RWMutex
	counts []int
	sum    int
}

func (h *Histogram) Observe(v int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.counts = append(h.counts, v)
	h.sum += v
}

func (h *Histogram) Mean() float64 {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if len(h.counts) == 0 {
		return 0
	}
	return float64(h.sum) / float64(len(h.counts))
}

func (h *Histogram) Summary() string {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return fmt.Sprintf("n=%d mean=%.1f", len(h.counts), h.Mean())
}

func main() {
	h := &Histogram{}
	h.Observe(4)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		h.Observe(8)
	}()
	go func() {
		defer wg.Done()
		_ = h.Summary()
	}()
	wg.Wait()
	fmt.Println(h.Summary())
}
