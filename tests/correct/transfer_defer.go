// expect: ok outcomes "total 150 failed<=2: true lines 4\n"
//
// Account transfers taking two locks in id order, released by defers (LIFO);
// an audit log kept in a strings.Builder under its own lock.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Account struct {
	id  int
	mu  sync.Mutex
	bal int
}

var ErrFunds = errors.New("insufficient funds")

var (
	logMu sync.Mutex
	audit strings.Builder
)

func transfer(from, to *Account, amt int) (err error) {
	first, second := from, to
	if second.id < first.id {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	defer func() {
		logMu.Lock()
		fmt.Fprintf(&audit, "%d->%d %d %v\n", from.id, to.id, amt, err == nil)
		logMu.Unlock()
	}()
	if from.bal < amt {
		return fmt.Errorf("transfer %d->%d: %w", from.id, to.id, ErrFunds)
	}
	from.bal -= amt
	to.bal += amt
	return nil
}

func main() {
	a, b, c := &Account{id: 1, bal: 100}, &Account{id: 2, bal: 50}, &Account{id: 3}
	var wg sync.WaitGroup
	var failed int
	var fmu sync.Mutex
	moves := []struct {
		from, to *Account
		amt      int
	}{{a, b, 30}, {b, a, 20}, {b, c, 60}, {c, a, 10}}
	for _, m := range moves {
		wg.Add(1)
		go func(from, to *Account, amt int) {
			defer wg.Done()
			if err := transfer(from, to, amt); errors.Is(err, ErrFunds) {
				fmu.Lock()
				failed++
				fmu.Unlock()
			}
		}(m.from, m.to, m.amt)
	}
	wg.Wait()
	fmt.Println("total", a.bal+b.bal+c.bal, "failed<=2:", failed <= 2, "lines", strings.Count(audit.String(), "\n"))
}
