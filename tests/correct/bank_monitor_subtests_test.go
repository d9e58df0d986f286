// expect: ok
// weft: --max-executions 300
//
// Tests for a bank whose balance is confined to a monitor goroutine (The
// Go Programming Language 9.1), as a student writes them: TestMain sets
// up a shared audit log, a table of subtests with t.Run, parallel
// subtests each with their own bank, t.Cleanup stopping the monitor, an
// Example whose output go test checks, and a benchmark (not run without
// -bench). go test -race passes.
package bank

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

type Bank struct {
	deposits chan int
	balances chan int
	quit     chan struct{}
	stopped  chan struct{}
}

func NewBank() *Bank {
	b := &Bank{
		deposits: make(chan int),
		balances: make(chan int),
		quit:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
	go b.teller()
	return b
}

func (b *Bank) teller() {
	defer close(b.stopped)
	balance := 0
	for {
		select {
		case amount := <-b.deposits:
			balance += amount
		case b.balances <- balance:
		case <-b.quit:
			return
		}
	}
}

func (b *Bank) Deposit(amount int) { b.deposits <- amount }
func (b *Bank) Balance() int       { return <-b.balances }
func (b *Bank) Close() {
	close(b.quit)
	<-b.stopped
}

var audit struct {
	sync.Mutex
	lines []string
}

func logf(format string, args ...interface{}) {
	audit.Lock()
	audit.lines = append(audit.lines, fmt.Sprintf(format, args...))
	audit.Unlock()
}

func TestMain(m *testing.M) {
	code := m.Run()
	audit.Lock()
	n := len(audit.lines)
	audit.Unlock()
	if code == 0 && n == 0 {
		fmt.Println("no audit lines")
		code = 1
	}
	os.Exit(code)
}

func newTestBank(t *testing.T) *Bank {
	t.Helper()
	b := NewBank()
	t.Cleanup(b.Close)
	return b
}

func TestDeposits(t *testing.T) {
	cases := []struct {
		name     string
		deposits []int
		want     int
	}{
		{"none", nil, 0},
		{"one", []int{100}, 100},
		{"several", []int{100, 200, -50}, 250},
	}
	for _, tc := range cases {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := newTestBank(t)
			var wg sync.WaitGroup
			for _, d := range tc.deposits {
				wg.Add(1)
				go func(d int) {
					defer wg.Done()
					b.Deposit(d)
				}(d)
			}
			wg.Wait()
			if got := b.Balance(); got != tc.want {
				t.Errorf("balance = %d, want %d", got, tc.want)
			}
			logf("%s ok", tc.name)
		})
	}
}

func TestConcurrentReaders(t *testing.T) {
	b := newTestBank(t)
	b.Deposit(42)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := b.Balance(); got != 42 {
				t.Errorf("balance = %d, want 42", got)
			}
		}()
	}
	wg.Wait()
	logf("readers ok")
}

func ExampleBank() {
	b := NewBank()
	defer b.Close()
	b.Deposit(200)
	b.Deposit(100)
	fmt.Println("balance:", b.Balance())
	// Output: balance: 300
}

func BenchmarkDeposit(bm *testing.B) {
	b := NewBank()
	defer b.Close()
	for i := 0; i < bm.N; i++ {
		b.Deposit(1)
	}
}
