// expect: ok
//
// A generic fixed-size ring with its own lock, used as a sliding window
// of latencies by several request goroutines while a reporter computes
// percentiles from snapshots on a ticker. The type parameter is constrained to
// ordered numbers; Snapshot returns a sorted copy, never the backing
// array.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Ring[T Number] struct {
	mu   sync.Mutex
	buf  []T
	next int
	full bool
}

func NewRing[T Number](n int) *Ring[T] { return &Ring[T]{buf: make([]T, n)} }

func (r *Ring[T]) Add(v T) {
	r.mu.Lock()
	r.buf[r.next] = v
	r.next = (r.next + 1) % len(r.buf)
	if r.next == 0 {
		r.full = true
	}
	r.mu.Unlock()
}

func (r *Ring[T]) Snapshot() []T {
	r.mu.Lock()
	n := r.next
	if r.full {
		n = len(r.buf)
	}
	s := make([]T, n)
	copy(s, r.buf[:n])
	r.mu.Unlock()
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s
}

func Percentile[T Number](sorted []T, p int) (T, bool) {
	var zero T
	if len(sorted) == 0 {
		return zero, false
	}
	i := (len(sorted) - 1) * p / 100
	return sorted[i], true
}

type Millis int64

func main() {
	win := NewRing[Millis](4)
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 2; k++ {
				win.Add(Millis(10*g + k))
			}
		}(g)
	}
	stop := make(chan struct{})
	reports := make(chan int)
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		n := 0
		for {
			select {
			case <-stop:
				reports <- n
				return
			case <-t.C:
				if _, ok := Percentile(win.Snapshot(), 50); ok {
					n++
				}
			}
		}
	}()
	wg.Wait()
	close(stop)
	<-reports
	s := win.Snapshot()
	p99, _ := Percentile(s, 99)
	fmt.Println(len(s), p99 >= 10)
}
