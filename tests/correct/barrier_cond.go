// expect: ok
// weft: --max-executions 3000
//
// A reusable barrier (Downey, "The Little Book of Semaphores", 3.7) with a
// mutex, a cond and a generation count, so a fast task cannot run
// through the next round's barrier: three tasks, two rounds.
package main

import (
	"fmt"
	"sync"
)

type barrier struct {
	mu      sync.Mutex
	c       *sync.Cond
	n, here int
	gen     int
}

func newBarrier(n int) *barrier {
	b := &barrier{n: n}
	b.c = sync.NewCond(&b.mu)
	return b
}

func (b *barrier) await() {
	b.mu.Lock()
	g := b.gen
	b.here++
	if b.here == b.n {
		b.here = 0
		b.gen++
		b.c.Broadcast()
	} else {
		for g == b.gen {
			b.c.Wait()
		}
	}
	b.mu.Unlock()
}

func main() {
	const n = 3
	b := newBarrier(n)
	var mu sync.Mutex
	round := make([]int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for r := 0; r < 2; r++ {
				mu.Lock()
				round[i] = r
				for _, o := range round {
					if o < r-1 || o > r+1 {
						panic("a task ran a round ahead")
					}
				}
				mu.Unlock()
				b.await()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("done")
}
