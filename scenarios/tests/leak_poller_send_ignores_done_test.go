// expect: leak
//
// A test of a ticker-driven poller: the poller goroutine sends each
// reading on an unbuffered channel and stops when its done channel is
// closed. The test reads two readings and returns, deferring the close
// of done... but the poller is blocked in its send, not in its select,
// so it never sees done: the test leaks it, as goleak would report.
// (outside round 5: a bug written as engineers write it; go test -race
// passes (Go does not check for leaked goroutines); goleak would fail
// it.)
package poller

import (
	"testing"
	"time"
)

func poll(done <-chan struct{}, every time.Duration, read func() int) <-chan int {
	out := make(chan int)
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				out <- read() // BUG: not in a select with done
			}
		}
	}()
	return out
}

func TestPollReadsIncreasing(t *testing.T) {
	done := make(chan struct{})
	defer close(done)
	n := 0
	readings := poll(done, 10*time.Millisecond, func() int { n++; return n })
	a, b := <-readings, <-readings
	if b <= a {
		t.Fatalf("readings %d then %d", a, b)
	}
	time.Sleep(25 * time.Millisecond) // a third tick fires meanwhile
}
