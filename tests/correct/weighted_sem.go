// expect: ok outcomes "total 10 peak<=4: true\n"
// weft: --max-executions 2000
//
// A weighted semaphore on a Cond: jobs of different sizes share a budget
// of 4 units; a big job waits until enough is released.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
)

type Weighted struct {
	mu    sync.Mutex
	cond  sync.Cond
	avail int
	peak  int
	size  int
}

func NewWeighted(n int) *Weighted {
	w := &Weighted{avail: n, size: n}
	w.cond.L = &w.mu
	return w
}

func (w *Weighted) Acquire(n int) {
	w.mu.Lock()
	for w.avail < n {
		w.cond.Wait()
	}
	w.avail -= n
	if used := w.size - w.avail; used > w.peak {
		w.peak = used
	}
	w.mu.Unlock()
}

func (w *Weighted) Release(n int) {
	w.mu.Lock()
	w.avail += n
	w.mu.Unlock()
	w.cond.Broadcast()
}

func main() {
	sem := NewWeighted(4)
	var wg sync.WaitGroup
	weights := []int{3, 1, 2, 4}
	total := 0
	var tmu sync.Mutex
	for _, wt := range weights {
		wg.Add(1)
		go func(wt int) {
			defer wg.Done()
			sem.Acquire(wt)
			defer sem.Release(wt)
			tmu.Lock()
			total += wt
			tmu.Unlock()
		}(wt)
	}
	wg.Wait()
	fmt.Println("total", total, "peak<=4:", sem.peak <= 4)
}
