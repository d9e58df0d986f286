// expect: ok outcomes "done 2\n"
//
// A weighted semaphore with a FIFO list of waiters, as
// golang.org/x/sync/semaphore: Acquire(ctx, n) queues behind earlier
// waiters, a cancelled waiter is removed (or, granted at the same
// moment, gives its tokens back), Release wakes waiters in order.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
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

func NewWeighted(n int64) *Weighted { return &Weighted{size: n} }

func (s *Weighted) Acquire(ctx context.Context, n int64) error {
	s.mu.Lock()
	if s.size-s.cur >= n && s.waiters.Len() == 0 {
		s.cur += n
		s.mu.Unlock()
		return nil
	}
	if n > s.size {
		s.mu.Unlock()
		<-ctx.Done()
		return ctx.Err()
	}
	ready := make(chan struct{})
	elem := s.waiters.PushBack(waiter{n: n, ready: ready})
	s.mu.Unlock()

	select {
	case <-ctx.Done():
		err := ctx.Err()
		s.mu.Lock()
		select {
		case <-ready:
			// Acquired after we were cancelled: pretend we were not.
			err = nil
		default:
			isFront := s.waiters.Front() == elem
			s.waiters.Remove(elem)
			if isFront && s.size > s.cur {
				s.notifyWaiters()
			}
		}
		s.mu.Unlock()
		return err
	case <-ready:
		return nil
	}
}

func (s *Weighted) Release(n int64) {
	s.mu.Lock()
	s.cur -= n
	if s.cur < 0 {
		s.mu.Unlock()
		panic("semaphore: released more than held")
	}
	s.notifyWaiters()
	s.mu.Unlock()
}

func (s *Weighted) notifyWaiters() {
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
}

func main() {
	sem := NewWeighted(3)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(w int64) {
			defer wg.Done()
			if err := sem.Acquire(context.Background(), w); err != nil {
				panic(err)
			}
			mu.Lock()
			done++
			mu.Unlock()
			sem.Release(w)
		}(int64(i))
	}
	// One caller gives up after a short wait.
	wg.Add(1)
	go func() {
		defer wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		defer cancel()
		if err := sem.Acquire(ctx, 3); err == nil {
			sem.Release(3)
		}
	}()
	wg.Wait()
	// Everything must be free again.
	if err := sem.Acquire(context.Background(), 3); err != nil {
		panic(err)
	}
	sem.Release(3)
	fmt.Println("done", done)
}
