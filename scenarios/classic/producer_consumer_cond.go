// expect: ok
//
// A bounded buffer guarded by a mutex, with two condition variables. Each
// Wait is in a loop that re-checks its condition, as it must be: Signal
// only hints that the state changed.
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	cap      int
}

func newQueue(cap int) *queue {
	q := &queue{cap: cap}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(v int) {
	q.mu.Lock()
	for len(q.items) == q.cap {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal()
	q.mu.Unlock()
}

func (q *queue) get() int {
	q.mu.Lock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	q.mu.Unlock()
	return v
}

func main() {
	q := newQueue(1)
	done := make(chan int)
	go func() {
		sum := 0
		for i := 0; i < 3; i++ {
			sum += q.get()
		}
		done <- sum
	}()
	for i := 1; i <= 3; i++ {
		q.put(i)
	}
	sum := <-done
	assert(sum == 6, "the consumer got every item")
	fmt.Println("sum", sum)
}
