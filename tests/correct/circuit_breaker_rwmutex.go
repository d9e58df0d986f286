// expect: ok outcomes "open after 3 true\n" "open after 4 true\n"
//
// A circuit breaker: calls check the state under a read lock, failures
// are recorded under the write lock, and the breaker opens after three
// consecutive failures. State() takes the read lock once and does not
// call another read-locking method while holding it.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the first output; the second needs both goroutines
// past allow() before either records its second failure, reachable in
// Go too.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrOpen = errors.New("circuit open")

type Breaker struct {
	mu       sync.RWMutex
	failures int
	open     bool
}

func (b *Breaker) allow() bool {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return !b.open
}

func (b *Breaker) record(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err == nil {
		b.failures = 0
		return
	}
	b.failures++
	if b.failures >= 3 {
		b.open = true
	}
}

func (b *Breaker) Call(f func() error) error {
	if !b.allow() {
		return ErrOpen
	}
	err := f()
	b.record(err)
	return err
}

func (b *Breaker) State() string {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.open {
		return fmt.Sprintf("open after %d", b.failures)
	}
	return fmt.Sprintf("closed (%d)", b.failures)
}

func main() {
	b := &Breaker{}
	boom := errors.New("boom")
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				b.Call(func() error { return boom })
			}
		}()
	}
	wg.Wait()
	fmt.Println(b.State(), errors.Is(b.Call(func() error { return nil }), ErrOpen))
}
