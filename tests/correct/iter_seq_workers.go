// expect: ok
//
// Go 1.23 range-over-func: an iter.Seq of jobs feeds a worker pool over a
// channel; results come back as a typed struct, summed with min/max and
// cleared with clear; range over an integer (Go 1.22) starts the workers.
package main

import (
	"fmt"
	"iter"
	"sync"
)

func jobs(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i * i) {
				return
			}
		}
	}
}

type result struct {
	worker, val int
}

func main() {
	in := make(chan int)
	out := make(chan result)
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				out <- result{w, v}
			}
		}()
	}
	go func() {
		for j := range jobs(4) {
			in <- j
		}
		close(in)
		wg.Wait()
		close(out)
	}()
	lo, hi, sum := 1<<30, -1, 0
	seen := map[int]bool{}
	for r := range out {
		lo, hi = min(lo, r.val), max(hi, r.val)
		sum += r.val
		seen[r.worker] = true
	}
	clear(seen)
	fmt.Printf("%d %d %d %d\n", lo, hi, sum, len(seen))
}
