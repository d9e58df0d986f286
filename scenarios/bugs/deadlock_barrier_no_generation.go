// expect: deadlock
//
// A reusable barrier without a generation count: waiters loop until
// the arrival count is back to zero. A fast goroutine released from
// phase 1 arrives at phase 2 and raises the count again before a slow
// waiter of phase 1 has rechecked, so the slow one keeps waiting, and
// phase 2 never completes.
// (outside round 4: a bug written as engineers write it; go run -race
// hangs in some runs, "all goroutines are asleep - deadlock!".)
package main

import (
	"fmt"
	"sync"
)

type Barrier struct {
	mu    sync.Mutex
	cond  *sync.Cond
	n     int
	count int
}

func NewBarrier(n int) *Barrier {
	b := &Barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Barrier) Await() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.count++
	if b.count == b.n {
		b.count = 0
		b.cond.Broadcast()
		return
	}
	for b.count != 0 {
		b.cond.Wait()
	}
}

func main() {
	b := NewBarrier(2)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for phase := 0; phase < 2; phase++ {
				b.Await()
			}
		}()
	}
	wg.Wait()
	fmt.Println("two phases done")
}
