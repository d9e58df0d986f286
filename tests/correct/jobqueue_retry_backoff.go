// expect: ok
//
// An in-memory job queue as services write it: a fixed set of workers
// pull jobs, a failing job is retried with exponential backoff (a timer
// re-enqueues it, the sleep is virtual time), and a job that keeps
// failing past its attempts lands in the dead-letter list. Shutdown waits
// until every job is settled, then closes the queue and joins the workers.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

var errTransient = errors.New("transient")

type Job struct {
	ID       int
	Attempts int
	Max      int
}

type Queue struct {
	jobs    chan *Job
	mu      sync.Mutex
	pending sync.WaitGroup
	done    []int
	dead    []int
	base    time.Duration
	handler func(*Job) error
}

func NewQueue(capacity int, base time.Duration, h func(*Job) error) *Queue {
	return &Queue{jobs: make(chan *Job, capacity), base: base, handler: h}
}

// Submit must not be called after Shutdown.
func (q *Queue) Submit(j *Job) {
	q.pending.Add(1)
	q.jobs <- j
}

func (q *Queue) backoff(attempt int) time.Duration {
	d := q.base
	for i := 1; i < attempt; i++ {
		d *= 2
	}
	return d
}

func (q *Queue) worker(wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range q.jobs {
		j.Attempts++
		err := q.handler(j)
		switch {
		case err == nil:
			q.mu.Lock()
			q.done = append(q.done, j.ID)
			q.mu.Unlock()
			q.pending.Done()
		case errors.Is(err, errTransient) && j.Attempts < j.Max:
			// Retry later: the job stays pending, a timer puts it back.
			j := j
			time.AfterFunc(q.backoff(j.Attempts), func() { q.jobs <- j })
		default:
			q.mu.Lock()
			q.dead = append(q.dead, j.ID)
			q.mu.Unlock()
			q.pending.Done()
		}
	}
}

func (q *Queue) Run(workers int) (stop func()) {
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go q.worker(&wg)
	}
	return func() {
		q.pending.Wait()
		close(q.jobs)
		wg.Wait()
	}
}

func main() {
	// Job n fails transiently n times; job 3 has only two attempts.
	fails := map[int]int{1: 0, 2: 1, 3: 3}
	var fmu sync.Mutex
	q := NewQueue(4, 10*time.Millisecond, func(j *Job) error {
		fmu.Lock()
		defer fmu.Unlock()
		if fails[j.ID] > 0 {
			fails[j.ID]--
			return fmt.Errorf("job %d attempt %d: %w", j.ID, j.Attempts, errTransient)
		}
		return nil
	})
	stop := q.Run(2)
	q.Submit(&Job{ID: 1, Max: 3})
	q.Submit(&Job{ID: 2, Max: 3})
	q.Submit(&Job{ID: 3, Max: 2})
	stop()

	sort.Ints(q.done)
	sort.Ints(q.dead)
	var b strings.Builder
	fmt.Fprintf(&b, "done=%v dead=%v", q.done, q.dead)
	fmt.Println(b.String())
}
