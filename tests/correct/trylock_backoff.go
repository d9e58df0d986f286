// expect: outcomes "total 200\n"
// weft: --preemptions 3
//
// Transfers between two accounts that lock the source, then try the
// destination; on failure both are released and the goroutine yields
// (runtime.Gosched) and retries. No lock order is needed: the back-off
// cannot deadlock, and the total is conserved. A lockstep where both keep
// failing needs the scheduler to interleave them the same way every round,
// which no fair scheduler does: not a livelock.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, n int) {
	for {
		from.mu.Lock()
		if to.mu.TryLock() {
			break
		}
		from.mu.Unlock()
		runtime.Gosched()
	}
	from.balance -= n
	to.balance += n
	to.mu.Unlock()
	from.mu.Unlock()
}

func main() {
	a := &account{balance: 100}
	b := &account{balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); transfer(a, b, 10) }()
	go func() { defer wg.Done(); transfer(b, a, 20) }()
	wg.Wait()
	fmt.Printf("total %d\n", a.balance+b.balance)
}
