// expect: race panic
//
// A job queue retries failed jobs with backoff: a time.AfterFunc puts
// the job back on the queue channel later. Shutdown closes the queue as
// soon as the submitted jobs have been attempted once, without counting
// the retries still waiting on their timers: when a timer fires after
// the close, its send panics ("send on closed channel").
// (outside round 5: a bug written as engineers write it; go run -race
// (Go 1.19) reports the race between close and the timer's send, then
// panics with send on closed channel.)
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID       int
	Attempts int
}

type Queue struct {
	jobs     chan *Job
	attempts sync.WaitGroup
	mu       sync.Mutex
	ok       []int
}

func (q *Queue) worker(wg *sync.WaitGroup, h func(*Job) error) {
	defer wg.Done()
	for j := range q.jobs {
		j.Attempts++
		if err := h(j); err != nil {
			if j.Attempts < 3 {
				j := j
				time.AfterFunc(time.Duration(j.Attempts)*10*time.Millisecond, func() {
					q.jobs <- j
				})
			}
		} else {
			q.mu.Lock()
			q.ok = append(q.ok, j.ID)
			q.mu.Unlock()
		}
		if j.Attempts == 1 {
			q.attempts.Done()
		}
	}
}

func main() {
	q := &Queue{jobs: make(chan *Job, 8)}
	var wg sync.WaitGroup
	h := func(j *Job) error {
		if j.ID == 2 && j.Attempts == 1 {
			return errors.New("flaky")
		}
		return nil
	}
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go q.worker(&wg, h)
	}
	for id := 1; id <= 3; id++ {
		q.attempts.Add(1)
		q.jobs <- &Job{ID: id}
	}
	q.attempts.Wait() // every job tried once
	close(q.jobs)
	wg.Wait()
	time.Sleep(50 * time.Millisecond) // let stray timers run, as tests do
	fmt.Println("ok:", len(q.ok))
}
