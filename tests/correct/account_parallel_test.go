// expect: ok
//
// Table-driven tests with t.Run and t.Parallel on a mutex-guarded account:
// go test -race passes them, and so must every interleaving.
package account

import (
	"sync"
	"testing"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < n {
		return false
	}
	a.balance -= n
	return true
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func TestAccount(t *testing.T) {
	t.Run("deposits", func(t *testing.T) {
		t.Parallel()
		var a Account
		var wg sync.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				a.Deposit(10)
			}()
		}
		wg.Wait()
		if got := a.Balance(); got != 20 {
			t.Errorf("balance = %d, want 20", got)
		}
	})
	t.Run("no overdraft", func(t *testing.T) {
		t.Parallel()
		a := &Account{balance: 10}
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok := 0
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if a.Withdraw(10) {
					mu.Lock()
					ok++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if ok != 1 || a.Balance() != 0 {
			t.Fatalf("ok=%d balance=%d", ok, a.Balance())
		}
	})
}

func TestTable(t *testing.T) {
	tests := []struct {
		name string
		in   []int
		want int
	}{
		{"empty", nil, 0},
		{"some", []int{1, 2, 3}, 6},
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var a Account
			for _, n := range tc.in {
				a.Deposit(n)
			}
			if a.Balance() != tc.want {
				t.Errorf("%s: got %d want %d", tc.name, a.Balance(), tc.want)
			}
		})
	}
}
