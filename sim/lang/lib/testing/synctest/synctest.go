// Package synctest (Go 1.25): tests of concurrent code on a fake clock.
// weft's time is virtual already, for the whole program: the bubble is
// the program. Test runs f in a goroutine of its own and waits for it;
// Wait returns once every other goroutine is blocked (the clock does not
// move meanwhile), as Go's does once the bubble's other goroutines are
// durably blocked. Goroutines f leaves blocked are reported as leaks.
package synctest

import "testing"

// Test executes f in a new goroutine and waits for it to return.
func Test(t *testing.T, f func(*testing.T)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(t)
	}()
	<-done
}

// Run executes f in a new goroutine and waits for it to return (the
// GOEXPERIMENT=synctest API of Go 1.24).
func Run(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	<-done
}

// Wait blocks until every goroutine other than the current one is
// blocked.
func Wait() { __idle_wait() }
