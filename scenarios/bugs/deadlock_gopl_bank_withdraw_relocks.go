// expect: deadlock
//
// The Go Programming Language, 9.2 (bank3) from memory, with the mistake
// the book warns about: Withdraw takes the mutex and then calls Deposit,
// which takes it again. Go's mutexes are not re-entrant, so the first
// withdrawal blocks forever: go run reports "fatal error: all goroutines
// are asleep - deadlock!" once every customer is stuck.
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex // guards balance
	balance int
)

func Deposit(amount int) {
	mu.Lock()
	defer mu.Unlock()
	balance += amount
}

func Balance() int {
	mu.Lock()
	defer mu.Unlock()
	return balance
}

// Withdraw is meant to be atomic: check and debit under one lock.
func Withdraw(amount int) bool {
	mu.Lock()
	defer mu.Unlock()
	Deposit(-amount) // BUG: Deposit locks mu again
	if balance < 0 {
		Deposit(amount)
		return false // insufficient funds
	}
	return true
}

type customer struct {
	name    string
	deposit int
	take    int
}

func main() {
	customers := []customer{
		{"alice", 100, 30},
		{"bob", 50, 80},
		{"carol", 20, 10},
	}
	var wg sync.WaitGroup
	for _, c := range customers {
		wg.Add(1)
		go func(c customer) {
			defer wg.Done()
			Deposit(c.deposit)
		}(c)
	}
	wg.Wait()
	fmt.Println("balance after deposits:", Balance())

	results := make(chan string, len(customers))
	for _, c := range customers {
		wg.Add(1)
		go func(c customer) {
			defer wg.Done()
			if Withdraw(c.take) {
				results <- c.name + " withdrew"
			} else {
				results <- c.name + " refused"
			}
		}(c)
	}
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
	fmt.Println("final balance:", Balance())
}
