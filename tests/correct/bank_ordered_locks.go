// expect: outcomes "total 200\n"
// weft: --max-executions 3000
//
// Transfers between accounts that lock both accounts in a global order
// (by id), so two opposite transfers cannot deadlock.
package main

import (
	"fmt"
	"sync"
)

type account struct {
	id      int
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, n int) {
	a, b := from, to
	if b.id < a.id {
		a, b = b, a
	}
	a.mu.Lock()
	b.mu.Lock()
	from.balance -= n
	to.balance += n
	b.mu.Unlock()
	a.mu.Unlock()
}

func main() {
	x := &account{id: 1, balance: 100}
	y := &account{id: 2, balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); transfer(x, y, 10) }()
	go func() { defer wg.Done(); transfer(y, x, 20) }()
	wg.Wait()
	fmt.Println("total", x.balance+y.balance)
}
