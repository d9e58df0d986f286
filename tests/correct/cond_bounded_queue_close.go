// expect: ok outcomes "total 3\n"
// weft: --preemptions 1
//
// A bounded queue on two sync.Conds with for-loop waits and a Close that
// broadcasts; two consumers sum what one producer puts.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
)

type BoundedQueue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	buf      []int
	cap      int
	closed   bool
}

func NewBoundedQueue(n int) *BoundedQueue {
	q := &BoundedQueue{cap: n}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *BoundedQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.buf) == q.cap {
		q.notFull.Wait()
	}
	q.buf = append(q.buf, v)
	q.notEmpty.Signal()
}

func (q *BoundedQueue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notEmpty.Broadcast()
}

func (q *BoundedQueue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.buf) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.buf) == 0 {
		return 0, false
	}
	v := q.buf[0]
	q.buf = q.buf[1:]
	q.notFull.Signal()
	return v, true
}

func main() {
	q := NewBoundedQueue(1)
	var wg sync.WaitGroup
	sums := make([]int, 2)
	for c := 0; c < 2; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for {
				v, ok := q.Get()
				if !ok {
					return
				}
				sums[c] += v
			}
		}(c)
	}
	for i := 1; i <= 2; i++ {
		q.Put(i)
	}
	q.Close()
	wg.Wait()
	fmt.Println("total", sums[0]+sums[1])
}
