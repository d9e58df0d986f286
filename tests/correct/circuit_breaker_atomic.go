// expect: ok
//
// A circuit breaker kept in atomics, as lock-free breakers are written:
// the state word moves closed -> open by CAS when consecutive failures
// reach the threshold, open -> half-open by CAS once the cool-down has
// passed (virtual time), and exactly one probe is let through in
// half-open; the probe's result closes or re-opens the breaker.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const (
	stateClosed int32 = iota
	stateOpen
	stateHalfOpen
)

var ErrOpen = errors.New("circuit open")

type Breaker struct {
	state     atomic.Int32
	failures  atomic.Int32
	openedAt  atomic.Int64 // unix nanos
	probing   atomic.Bool
	threshold int32
	cooldown  time.Duration
}

func (b *Breaker) allow() (probe bool, err error) {
	switch b.state.Load() {
	case stateClosed:
		return false, nil
	case stateOpen:
		if time.Since(time.Unix(0, b.openedAt.Load())) < b.cooldown {
			return false, ErrOpen
		}
		b.state.CompareAndSwap(stateOpen, stateHalfOpen)
		fallthrough
	default: // half-open: one probe at a time
		if b.probing.CompareAndSwap(false, true) {
			return true, nil
		}
		return false, ErrOpen
	}
}

func (b *Breaker) Do(fn func() error) error {
	probe, err := b.allow()
	if err != nil {
		return err
	}
	err = fn()
	if probe {
		if err != nil {
			b.openedAt.Store(time.Now().UnixNano())
			b.state.Store(stateOpen)
		} else {
			b.failures.Store(0)
			b.state.Store(stateClosed)
		}
		b.probing.Store(false)
		return err
	}
	if err != nil {
		if b.failures.Add(1) >= b.threshold {
			if b.state.CompareAndSwap(stateClosed, stateOpen) {
				b.openedAt.Store(time.Now().UnixNano())
			}
		}
		return err
	}
	b.failures.Store(0)
	return nil
}

func main() {
	b := &Breaker{threshold: 2, cooldown: 100 * time.Millisecond}
	var healthy atomic.Bool
	var inFlightProbes, maxProbes atomic.Int32
	call := func() error {
		if b.state.Load() == stateHalfOpen {
			n := inFlightProbes.Add(1)
			defer inFlightProbes.Add(-1)
			for {
				m := maxProbes.Load()
				if n <= m || maxProbes.CompareAndSwap(m, n) {
					break
				}
			}
		}
		if healthy.Load() {
			return nil
		}
		return errors.New("backend down")
	}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _ = b.Do(call) }()
	}
	wg.Wait()
	healthy.Store(true)
	time.Sleep(150 * time.Millisecond)
	var ok atomic.Int32
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if b.Do(call) == nil {
				ok.Add(1)
			}
		}()
	}
	wg.Wait()
	if maxProbes.Load() > 1 {
		panic("two probes in half-open")
	}
	if b.Do(call) != nil && b.state.Load() == stateClosed {
		panic("closed breaker refused a healthy call")
	}
	fmt.Println("recovered:", ok.Load() >= 1)
}
