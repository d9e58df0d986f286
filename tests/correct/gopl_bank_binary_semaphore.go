// expect: ok
// weft: --max-executions 1000
//
// The Go Programming Language, 9.2 (bank2) from memory: a binary
// semaphore, a channel of capacity one, guards the balance. Withdraw is
// made atomic properly: an unexported deposit assumes the semaphore is
// held, and both Deposit and Withdraw acquire it once. Concurrent
// customers deposit and withdraw; the totals are checked at the end.
package main

import (
	"fmt"
	"sync"
)

var (
	sema    = make(chan struct{}, 1) // a binary semaphore guarding balance
	balance int
	history []string
)

func acquire() { sema <- struct{}{} }
func release() { <-sema }

func deposit(amount int) { balance += amount } // requires sema held

func Deposit(amount int) {
	acquire()
	defer release()
	deposit(amount)
	history = append(history, fmt.Sprintf("+%d", amount))
}

func Withdraw(amount int) bool {
	acquire()
	defer release()
	if balance < amount {
		history = append(history, fmt.Sprintf("!%d", amount))
		return false
	}
	deposit(-amount)
	history = append(history, fmt.Sprintf("-%d", amount))
	return true
}

func Balance() int {
	acquire()
	defer release()
	return balance
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	refused := 0
	for i := 1; i <= 4; i++ {
		wg.Add(2)
		go func(amt int) {
			defer wg.Done()
			Deposit(amt * 10)
		}(i)
		go func(amt int) {
			defer wg.Done()
			if !Withdraw(amt * 5) {
				mu.Lock()
				refused++
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()

	withdrawn := 0
	for _, h := range history {
		if h[0] == '-' {
			var n int
			fmt.Sscanf(h[1:], "%d", &n)
			withdrawn += n
		}
	}
	fmt.Println("operations:", len(history))
	fmt.Println("balance + withdrawn =", Balance()+withdrawn)
	fmt.Println("refused is at most 4:", refused <= 4)
}
