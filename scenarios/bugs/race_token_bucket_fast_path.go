// expect: race
//
// A token bucket refilled by a ticker goroutine under the bucket's mutex;
// Allow has a "fast path" that reads the token count without the lock
// before taking it, racing with the refill.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Bucket struct {
	mu     sync.Mutex
	tokens int
	max    int
	stop   chan struct{}
	done   chan struct{}
}

func NewBucket(max int, every time.Duration) *Bucket {
	b := &Bucket{tokens: max, max: max, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				b.mu.Lock()
				if b.tokens < b.max {
					b.tokens++
				}
				b.mu.Unlock()
			case <-b.stop:
				return
			}
		}
	}()
	return b
}

func (b *Bucket) Allow() bool {
	if b.tokens == 0 { // fast path without the lock
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}

func (b *Bucket) Close() {
	close(b.stop)
	<-b.done
}

func main() {
	b := NewBucket(1, 2*time.Millisecond)
	allowed := 0
	for i := 0; i < 4; i++ {
		if b.Allow() {
			allowed++
		}
		time.Sleep(time.Millisecond)
	}
	b.Close()
	fmt.Println(allowed >= 1)
}
