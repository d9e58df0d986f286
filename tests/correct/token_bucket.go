// expect: ok outcomes "6 requests served; took at least 30ms: true\n"
// weft: --max-executions 2000
//
// A token bucket rate limiter on the clock: Allow refills by elapsed time
// under a mutex; clients retry after a sleep.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Bucket struct {
	mu     sync.Mutex
	tokens float64
	max    float64
	rate   float64 // tokens per second
	last   time.Time
}

func NewBucket(max, rate float64) *Bucket {
	return &Bucket{tokens: max, max: max, rate: rate, last: time.Now()}
}

func (b *Bucket) Allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	b.tokens += now.Sub(b.last).Seconds() * b.rate
	if b.tokens > b.max {
		b.tokens = b.max
	}
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true
	}
	return false
}

func main() {
	b := NewBucket(2, 100)
	var wg sync.WaitGroup
	var mu sync.Mutex
	retries := 0
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				for !b.Allow() {
					mu.Lock()
					retries++
					mu.Unlock()
					time.Sleep(10 * time.Millisecond)
				}
			}
		}()
	}
	start := time.Now()
	wg.Wait()
	fmt.Println("6 requests served; took at least 30ms:", time.Since(start) >= 30*time.Millisecond)
}
