// expect: race assert
//
// Tests that fail, as a Go project's would under go test -race on an
// unlucky day: TestDeposits races on the balance and loses a deposit
// (t.Errorf, an assert finding); TestFatalInSubtest stops a subtest with
// t.Fatal. The expectations above judge the file's tests together.
package bank

import (
	"sync"
	"testing"
)

type Account struct {
	balance int
}

func (a *Account) Deposit(n int) { a.balance += n }

func TestDeposits(t *testing.T) {
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
	if a.balance != 20 {
		t.Errorf("balance = %d, want 20", a.balance)
	}
}

func TestFatalInSubtest(t *testing.T) {
	t.Run("one", func(t *testing.T) {
		t.Fatal("stop here")
		t.Log("never")
	})
	t.Log("after the subtest, failed:", t.Failed())
}

