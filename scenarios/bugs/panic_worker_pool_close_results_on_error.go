// expect: race panic
// weft: --max-executions 3
//
// A worker pool (Go by Example) whose main stops at the first failed job:
// it closes the results channel "so that the workers stop" and returns
// the error. The other workers are still sending their results: go run
// panics with "send on closed channel" (under -race, close and send may
// also be reported as a race first).
package main

import (
	"errors"
	"fmt"
	"time"
)

type result struct {
	job int
	err error
}

func worker(id int, jobs <-chan int, results chan<- result) {
	for j := range jobs {
		time.Sleep(time.Duration(j) * time.Millisecond)
		var err error
		if j == 2 {
			err = errors.New("job 2: bad input")
		}
		results <- result{j, err}
	}
}

func run() error {
	jobs := make(chan int, 6)
	results := make(chan result)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 6; j++ {
		jobs <- j
	}
	close(jobs)

	for i := 0; i < 6; i++ {
		r := <-results
		if r.err != nil {
			close(results) // BUG: workers still send on it
			return r.err
		}
		fmt.Println("job", r.job, "ok")
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Println("error:", err)
	}
	time.Sleep(20 * time.Millisecond) // let the "log flush"
}
