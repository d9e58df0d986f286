// expect: ok outcomes "alice=70 bob=130 audit=4\n"
//
// Types that embed their locks: Account embeds sync.Mutex and locks
// through the promoted methods, Ledger embeds a *sync.RWMutex shared with
// its audit log. Transfers take the two accounts' locks in name order.
// (outside round 4: a correct program written as engineers write it,
// with Go 1.22's loop variables (each goroutine has its own m); go run
// -race (Go 1.19) of it with m := m added prints the same and reports
// nothing.)
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	sync.Mutex
	Name    string
	balance int
}

type Ledger struct {
	*sync.RWMutex
	entries []string
}

func (l *Ledger) Record(s string) {
	l.Lock()
	defer l.Unlock()
	l.entries = append(l.entries, s)
}

func (l *Ledger) Len() int {
	l.RLock()
	defer l.RUnlock()
	return len(l.entries)
}

func transfer(l *Ledger, from, to *Account, amount int) {
	first, second := from, to
	if second.Name < first.Name {
		first, second = second, first
	}
	first.Lock()
	defer first.Unlock()
	second.Lock()
	defer second.Unlock()
	from.balance -= amount
	to.balance += amount
	l.Record(fmt.Sprintf("%s->%s %d", from.Name, to.Name, amount))
}

func main() {
	alice := &Account{Name: "alice", balance: 100}
	bob := &Account{Name: "bob", balance: 100}
	ledger := &Ledger{RWMutex: new(sync.RWMutex)}
	var wg sync.WaitGroup
	moves := []struct {
		from, to *Account
		n        int
	}{{alice, bob, 20}, {bob, alice, 10}, {alice, bob, 30}, {bob, alice, 10}}
	for _, m := range moves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			transfer(ledger, m.from, m.to, m.n)
		}()
	}
	wg.Wait()
	fmt.Printf("alice=%d bob=%d audit=%d\n", alice.balance, bob.balance, ledger.Len())
}
