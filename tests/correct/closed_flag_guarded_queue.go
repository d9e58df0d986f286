// expect: ok outcomes "true\n"
//
// A queue that may be closed while producers are still pushing: Push and
// Close share a mutex, and Push checks the closed flag under it before
// sending, so nothing is ever sent on the closed channel. The channel has
// room for every push, so no Push blocks while holding the lock.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrClosed = errors.New("queue closed")

type Queue struct {
	mu     sync.Mutex
	closed bool
	ch     chan string
}

func (q *Queue) Push(s string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return ErrClosed
	}
	q.ch <- s
	return nil
}

func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.closed {
		q.closed = true
		close(q.ch)
	}
}

func main() {
	q := &Queue{ch: make(chan string, 4)}
	var wg sync.WaitGroup
	var mu sync.Mutex
	rejected := 0
	for _, s := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			if err := q.Push(s); errors.Is(err, ErrClosed) {
				mu.Lock()
				rejected++
				mu.Unlock()
			}
		}(s)
	}
	q.Close()
	wg.Wait()
	q.Close()
	n := 0
	for range q.ch {
		n++
	}
	fmt.Println(n+rejected == 3)
}
