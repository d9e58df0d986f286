// expect: deadlock
//
// A client-go style work queue (a key re-added while it is processed is
// queued again at Done). On the error path the worker requeues the key
// and returns early, without calling Done: the key stays "processing",
// the Add only marks it dirty, and nothing ever queues it again, so the
// reconcile the main goroutine waits for never happens.
// (outside round 4: a bug written as engineers write it; go run -race
// reports "all goroutines are asleep - deadlock!".)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Queue struct {
	cond       *sync.Cond
	items      []string
	dirty      map[string]bool
	processing map[string]bool
}

func NewQueue() *Queue {
	return &Queue{cond: sync.NewCond(&sync.Mutex{}), dirty: map[string]bool{}, processing: map[string]bool{}}
}

func (q *Queue) Add(k string) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	if q.dirty[k] {
		return
	}
	q.dirty[k] = true
	if q.processing[k] {
		return
	}
	q.items = append(q.items, k)
	q.cond.Signal()
}

func (q *Queue) Get() string {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	k := q.items[0]
	q.items = q.items[1:]
	q.processing[k] = true
	delete(q.dirty, k)
	return k
}

func (q *Queue) Done(k string) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	delete(q.processing, k)
	if q.dirty[k] {
		q.items = append(q.items, k)
		q.cond.Signal()
	}
}

var attempts = map[string]int{}

func reconcile(k string) error {
	attempts[k]++
	if attempts[k] == 1 {
		return errors.New("conflict")
	}
	return nil
}

func main() {
	q := NewQueue()
	synced := make(chan string)
	go func() {
		for {
			k := q.Get()
			if err := reconcile(k); err != nil {
				q.Add(k) // retry later
				continue
			}
			q.Done(k)
			synced <- k
		}
	}()
	q.Add("deployment/web")
	fmt.Println("synced", <-synced)
}
