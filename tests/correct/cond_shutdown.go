// expect: ok outcomes "A,B,C,D\n"
// weft: --max-executions 2000
//
// A task queue with a fixed set of workers parked on a sync.Cond; Close
// sets the closed flag under the lock and Broadcasts so every idle worker
// wakes and exits once the queue is drained.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	tasks  []string
	closed bool
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(t string) {
	q.mu.Lock()
	q.tasks = append(q.tasks, t)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Get() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.tasks) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.tasks) == 0 {
		return "", false
	}
	t := q.tasks[0]
	q.tasks = q.tasks[1:]
	return t, true
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

func main() {
	q := NewQueue()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var done []string
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for {
				t, ok := q.Get()
				if !ok {
					return
				}
				mu.Lock()
				done = append(done, strings.ToUpper(t))
				mu.Unlock()
			}
		}(w)
	}
	for _, t := range []string{"a", "b", "c", "d"} {
		q.Put(t)
	}
	q.Close()
	wg.Wait()
	sort.Strings(done)
	fmt.Println(strings.Join(done, ","))
}
