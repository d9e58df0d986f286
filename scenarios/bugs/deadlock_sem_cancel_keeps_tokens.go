// expect: deadlock
//
// A weighted semaphore modelled on golang.org/x/sync/semaphore, with the
// cancellation path simplified: a waiter whose context ends removes
// itself and returns ctx.Err() without checking whether Release granted
// it the tokens in the meantime. When the grant and the cancel race, the
// tokens are counted as held by nobody, and a later Acquire of the whole
// size waits forever.
// (outside round 4: a bug written as engineers write it; go run -race
// hangs in some runs (all goroutines asleep) and passes in others.)
package main

import (
	"container/list"
	"context"
	"fmt"
	"sync"
	"time"
)

type waiter struct {
	n     int64
	ready chan struct{}
}

type Weighted struct {
	size    int64
	cur     int64
	mu      sync.Mutex
	waiters list.List
}

func (s *Weighted) Acquire(ctx context.Context, n int64) error {
	s.mu.Lock()
	if s.size-s.cur >= n && s.waiters.Len() == 0 {
		s.cur += n
		s.mu.Unlock()
		return nil
	}
	ready := make(chan struct{})
	elem := s.waiters.PushBack(waiter{n: n, ready: ready})
	s.mu.Unlock()

	select {
	case <-ctx.Done():
		s.mu.Lock()
		s.waiters.Remove(elem) // no-op when Release already removed it
		s.mu.Unlock()
		return ctx.Err()
	case <-ready:
		return nil
	}
}

func (s *Weighted) Release(n int64) {
	s.mu.Lock()
	s.cur -= n
	for {
		next := s.waiters.Front()
		if next == nil {
			break
		}
		w := next.Value.(waiter)
		if s.size-s.cur < w.n {
			break
		}
		s.cur += w.n
		s.waiters.Remove(next)
		close(w.ready)
	}
	s.mu.Unlock()
}

func main() {
	sem := &Weighted{size: 2}
	sem.Acquire(context.Background(), 2)

	done := make(chan struct{})
	go func() {
		defer close(done)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
		defer cancel()
		if err := sem.Acquire(ctx, 1); err == nil {
			sem.Release(1)
		}
	}()
	time.Sleep(10 * time.Millisecond)
	sem.Release(2)
	<-done

	sem.Acquire(context.Background(), 2) // all tokens should be free
	fmt.Println("acquired all")
}
