// expect: race
//
// Writers lock each account's own mutex to add to its balance; an auditor
// sums the balances with for _, a := range accts, under a lock of its
// own: the range copies each element, a read of Balance no writer's lock
// orders. (issue 15, outside check: go run -race reports it; weft missed
// it when the copy came before any write to the field.)
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      *sync.Mutex
	ID      string
	Balance int
}

func main() {
	accts := []Account{{ID: "a", Balance: 100}, {ID: "b", Balance: 50}}
	for i := range accts {
		accts[i].mu = &sync.Mutex{}
	}
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range accts {
				mu := accts[i].mu
				mu.Lock()
				accts[i].Balance += 10
				mu.Unlock()
			}
		}()
	}
	// an auditor takes a different lock than the writers
	var auditMu sync.Mutex
	wg.Add(1)
	go func() {
		defer wg.Done()
		auditMu.Lock()
		total := 0
		for _, a := range accts { // BUG: reads balances under auditMu, not the accounts' locks
			total += a.Balance
		}
		auditMu.Unlock()
		_ = total
	}()
	wg.Wait()
	fmt.Println(accts[0].Balance, accts[1].Balance)
}
