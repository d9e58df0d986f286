// expect: ok
// Bounded buffer: producers and consumers coordinate through two
// condition variables over one mutex, re-checking the predicate in a loop.
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	capacity int
	closed   bool
}

func NewQueue(capacity int) *Queue {
	q := &Queue{capacity: capacity}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.capacity {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}

// Get returns the next item, or false once the queue is closed and empty.
func (q *Queue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v, true
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notEmpty.Broadcast()
}

func main() {
	q := NewQueue(2)
	var producers, consumers sync.WaitGroup
	var mu sync.Mutex
	total := 0

	for p := 0; p < 2; p++ {
		producers.Add(1)
		go func(base int) {
			defer producers.Done()
			for i := 1; i <= 3; i++ {
				q.Put(base*10 + i)
			}
		}(p)
	}
	for c := 0; c < 2; c++ {
		consumers.Add(1)
		go func() {
			defer consumers.Done()
			for {
				v, ok := q.Get()
				if !ok {
					return
				}
				mu.Lock()
				total += v
				mu.Unlock()
			}
		}()
	}
	producers.Wait()
	q.Close()
	consumers.Wait()
	fmt.Println("total:", total)
}
