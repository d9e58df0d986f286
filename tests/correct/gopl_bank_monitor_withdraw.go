// expect: ok
// weft: --max-executions 1000
//
// The Go Programming Language, 9.1 (bank1) written from memory: the
// balance is confined to one monitor goroutine (the teller); deposits,
// balance queries and withdrawals are requests on channels, a withdrawal
// carrying its own reply channel (exercise 9.1). go run -race prints the
// same lines on every run.
package main

import (
	"fmt"
	"sync"
)

type withdrawal struct {
	amount int
	ok     chan<- bool
}

var (
	deposits    = make(chan int)
	balances    = make(chan int)
	withdrawals = make(chan withdrawal)
	quit        = make(chan struct{})
	tellerDone  = make(chan struct{})
)

func Deposit(amount int) { deposits <- amount }

func Balance() int { return <-balances }

func Withdraw(amount int) bool {
	ok := make(chan bool)
	withdrawals <- withdrawal{amount, ok}
	return <-ok
}

func teller() {
	defer close(tellerDone)
	var balance int // confined to the teller goroutine
	for {
		select {
		case amount := <-deposits:
			balance += amount
		case w := <-withdrawals:
			if w.amount > balance {
				w.ok <- false
				continue
			}
			balance -= w.amount
			w.ok <- true
		case balances <- balance:
		case <-quit:
			return
		}
	}
}

type ledger struct {
	mu       sync.Mutex
	accepted int
	refused  int
}

func (l *ledger) record(ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ok {
		l.accepted++
	} else {
		l.refused++
	}
}

func main() {
	go teller()

	var wg sync.WaitGroup
	// Alice and Bob deposit concurrently.
	for _, amt := range []int{200, 100} {
		wg.Add(1)
		go func(a int) {
			defer wg.Done()
			Deposit(a)
		}(amt)
	}
	wg.Wait()
	fmt.Println("after deposits:", Balance())

	// Three customers try to take 120 each: only two can succeed.
	var l ledger
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.record(Withdraw(120))
		}()
	}
	wg.Wait()
	fmt.Println("accepted:", l.accepted, "refused:", l.refused)
	fmt.Println("after withdrawals:", Balance())

	if Withdraw(1000) {
		fmt.Println("overdraft allowed?!")
	}
	Deposit(40)
	fmt.Println("final:", Balance())
	close(quit)
	<-tellerDone
}
