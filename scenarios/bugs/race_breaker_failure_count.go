// expect: race
//
// A circuit breaker whose state is an atomic but whose consecutive
// failure count is a plain int: concurrent failing calls increment it
// without synchronisation (and may lose an increment, so the breaker
// opens late).
// (outside round 5: a bug written as engineers write it; go run -race
// (Go 1.19) reports the data race on b.failures.)
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

type Breaker struct {
	open      atomic.Bool
	failures  int // BUG: shared by all callers, no lock
	threshold int
}

var ErrOpen = errors.New("breaker open")

func (b *Breaker) Call(fn func() error) error {
	if b.open.Load() {
		return ErrOpen
	}
	if err := fn(); err != nil {
		b.failures++
		if b.failures >= b.threshold {
			b.open.Store(true)
		}
		return err
	}
	b.failures = 0
	return nil
}

func main() {
	b := &Breaker{threshold: 2}
	fail := func() error { return errors.New("down") }
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _ = b.Call(fail) }()
	}
	wg.Wait()
	fmt.Println("open:", b.open.Load())
}
