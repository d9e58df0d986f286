// expect: ok outcomes "rounds=2 sum=6\n"
//
// A reusable barrier on sync.Cond: each phase has a generation number,
// the last arrival bumps it and broadcasts, the others wait in a loop
// until the generation moves, so a fast goroutine that re-enters the
// barrier for the next phase cannot confuse the stragglers.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
)

type Barrier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	n       int
	waiting int
	gen     uint64
}

func NewBarrier(n int) *Barrier {
	b := &Barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Barrier) Await() {
	b.mu.Lock()
	defer b.mu.Unlock()
	gen := b.gen
	b.waiting++
	if b.waiting == b.n {
		b.waiting = 0
		b.gen++
		b.cond.Broadcast()
		return
	}
	for gen == b.gen {
		b.cond.Wait()
	}
}

func main() {
	const workers, rounds = 2, 2
	b := NewBarrier(workers)
	partial := make([]int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				partial[w] += w + 1
				b.Await()
			}
		}(w)
	}
	wg.Wait()
	sum := 0
	for _, p := range partial {
		sum += p
	}
	fmt.Printf("rounds=%d sum=%d\n", rounds, sum)
}
