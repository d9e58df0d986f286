// expect: race
//
// A generic worker pool that collects results by appending to a slice
// shared by all workers, without a lock: concurrent appends race on the
// slice header (and can lose results).
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 9 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type Pool[In, Out any] struct {
	Workers int
	F       func(In) Out
}

func (p Pool[In, Out]) Run(items []In) []Out {
	var out []Out
	jobs := make(chan In)
	var wg sync.WaitGroup
	for w := 0; w < p.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				out = append(out, p.F(it))
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	return out
}

func main() {
	p := Pool[int, string]{Workers: 2, F: func(n int) string { return fmt.Sprint(n * 10) }}
	res := p.Run([]int{1, 2, 3})
	fmt.Println(len(res) <= 3)
}
