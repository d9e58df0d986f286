// expect: race
//
// Per-account locks kept in a map of sync.Mutex values: lockFor returns
// the mutex by value, so every caller locks its own copy and the balance
// updates are not mutually excluded at all.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type Bank struct {
	locks    map[string]sync.Mutex
	balances map[string]*int
}

func (b *Bank) lockFor(acct string) sync.Mutex {
	return b.locks[acct]
}

func (b *Bank) Deposit(acct string, n int) {
	mu := b.lockFor(acct)
	mu.Lock()
	*b.balances[acct] += n
	mu.Unlock()
}

func main() {
	alice := 0
	b := &Bank{
		locks:    map[string]sync.Mutex{"alice": {}},
		balances: map[string]*int{"alice": &alice},
	}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.Deposit("alice", 50)
		}()
	}
	wg.Wait()
	fmt.Println(alice <= 100)
}
