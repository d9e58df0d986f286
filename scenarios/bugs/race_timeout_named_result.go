// expect: race
//
// A lookup with a deadline: the worker stores its answer into the named
// result before sending it, so when the deadline wins the caller returns
// (writing its result) while the worker still writes it. The worker
// computes for longer than the 1 ms deadline: go run -race reports the
// race in 4 runs of 6 at GOMAXPROCS 2 and 4 (5 of 6 at an earlier try;
// at GOMAXPROCS 1 the worker holds the processor past the deadline). Under strict virtual time the computation takes no
// time and the deadline never wins; the timing search lets it fire first.
package main

import (
	"errors"
	"fmt"
	"time"
)

var errTimeout = errors.New("timeout")

func checksum(n int) int {
	h := 0
	for i := 0; i < n; i++ {
		h = h*31 + i%17
	}
	return h
}

func lookup(n int, d time.Duration) (sum int, err error) {
	done := make(chan int, 1) // buffered: the late worker never blocks
	go func() {
		sum = checksum(n) // BUG: writes the caller's result
		done <- sum
	}()
	select {
	case v := <-done:
		return v, nil
	case <-time.After(d):
		return 0, errTimeout
	}
}

func main() {
	_, err := lookup(5000000, time.Millisecond)
	fmt.Println(err == nil || err == errTimeout)
	time.Sleep(100 * time.Millisecond)
}
