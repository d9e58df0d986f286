// expect: deadlock
//
// A bank with the balance confined to a monitor goroutine (The Go
// Programming Language 9.1), extended with a transfer request whose
// handler, inside the monitor, calls the public Balance() to check the
// funds. Balance() sends a request to the monitor itself, which is busy
// running the handler: the monitor blocks on its own channel, and so does
// every client. go run: all goroutines are asleep - deadlock!
package main

import (
	"fmt"
	"sync"
)

type transfer struct {
	amount int
	ok     chan bool
}

var (
	deposits  = make(chan int)
	balances  = make(chan int)
	transfers = make(chan transfer)
)

func Deposit(amount int) { deposits <- amount }
func Balance() int       { return <-balances }

func Transfer(amount int) bool {
	t := transfer{amount, make(chan bool)}
	transfers <- t
	return <-t.ok
}

func teller() {
	var balance int
	for {
		select {
		case amount := <-deposits:
			balance += amount
		case balances <- balance:
		case t := <-transfers:
			if Balance() < t.amount { // BUG: asks the monitor, which is this goroutine
				t.ok <- false
				continue
			}
			balance -= t.amount
			t.ok <- true
		}
	}
}

func main() {
	go teller()
	Deposit(100)
	var wg sync.WaitGroup
	for _, amt := range []int{30, 90} {
		wg.Add(1)
		go func(a int) {
			defer wg.Done()
			fmt.Println("transfer", a, Transfer(a))
		}(amt)
	}
	wg.Wait()
	fmt.Println("balance", Balance())
}
