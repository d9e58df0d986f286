// expect: leak
//
// A test that returns while a goroutine it started is still blocked: the
// goroutine leaks, which fails the test as goleak would (the expectation
// above says this file is meant to show it).
package leaky

import "testing"

func TestLeavesAGoroutineBehind(t *testing.T) {
	ch := make(chan int)
	go func() {
		ch <- 1 // nobody receives
	}()
}
