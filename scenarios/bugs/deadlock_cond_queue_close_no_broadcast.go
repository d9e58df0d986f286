// expect: deadlock
//
// A Cond queue whose Close sets closed without Broadcast: a consumer
// already waiting sleeps on, and main waits for it forever. go run -race
// printed 1 in four runs (main closes before the consumer waits); the
// schedule where the consumer waits first deadlocks.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []int
	closed bool
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true // BUG: no Broadcast: a waiting consumer sleeps on
	q.mu.Unlock()
}

func (q *Queue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

func main() {
	q := NewQueue()
	var wg sync.WaitGroup
	total := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			v, ok := q.Get()
			if !ok {
				return
			}
			total += v
		}
	}()
	q.Put(1)
	q.Close()
	wg.Wait()
	fmt.Println(total)
}
