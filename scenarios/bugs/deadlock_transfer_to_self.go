// expect: deadlock
//
// Transfers lock both accounts ordered by id, which rules out ABBA; but
// a transfer from an account to itself locks the same mutex twice.
// (outside round 4: a bug written as engineers write it; go run -race
// reports "all goroutines are asleep - deadlock!".)
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	ID      int
	mu      sync.Mutex
	Balance int
}

func Transfer(from, to *Account, amount int) {
	first, second := from, to
	if to.ID < from.ID {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	from.Balance -= amount
	to.Balance += amount
}

func main() {
	accts := []*Account{{ID: 1, Balance: 100}, {ID: 2, Balance: 100}}
	reqs := []struct{ from, to, amt int }{{0, 1, 10}, {1, 0, 5}, {1, 1, 7}}
	var wg sync.WaitGroup
	for _, r := range reqs {
		wg.Add(1)
		go func(from, to, amt int) {
			defer wg.Done()
			Transfer(accts[from], accts[to], amt)
		}(r.from, r.to, r.amt)
	}
	wg.Wait()
	fmt.Println(accts[0].Balance, accts[1].Balance)
}
