// expect: ok
// A fixed pool of workers drains a job channel; results are collected
// after every worker has finished, which a WaitGroup tells.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID    int
	Input string
}

type Result struct {
	JobID  int
	Output string
	Err    error
}

var ErrEmpty = errors.New("empty input")

func process(j Job) Result {
	if j.Input == "" {
		return Result{JobID: j.ID, Err: fmt.Errorf("job %d: %w", j.ID, ErrEmpty)}
	}
	time.Sleep(time.Duration(len(j.Input)) * time.Millisecond)
	out := make([]byte, 0, len(j.Input))
	for i := len(j.Input) - 1; i >= 0; i-- {
		out = append(out, j.Input[i])
	}
	return Result{JobID: j.ID, Output: string(out)}
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		r := process(j)
		if r.Err != nil && !errors.Is(r.Err, ErrEmpty) {
			panic(r.Err)
		}
		results <- r
	}
	_ = id
}

func main() {
	inputs := []string{"alpha", "", "gamma", "delta", "epsilon"}
	jobs := make(chan Job)
	results := make(chan Result, len(inputs))

	const numWorkers = 3
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}

	go func() {
		defer close(jobs)
		for i, in := range inputs {
			jobs <- Job{ID: i, Input: in}
		}
	}()

	go func() {
		wg.Wait()
		close(results)
	}()

	all := make([]Result, len(inputs))
	for r := range results {
		all[r.JobID] = r
	}
	for _, r := range all {
		switch {
		case r.Err != nil:
			fmt.Printf("job %d failed: %v\n", r.JobID, r.Err)
		default:
			fmt.Printf("job %d -> %q\n", r.JobID, r.Output)
		}
	}
}
