// expect: ok outcomes "0: 1\n1: 4\n2: error: job 2 panicked: division by zero\n3: 16\n"
//
// A worker pool whose workers turn a panicking job into an error (a
// deferred recover per job) and write each result at the job's index,
// so the output keeps the input order whatever order the jobs finish.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
)

type result struct {
	val int
	err error
}

func runJob(i int, f func() int) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("job %d panicked: %v", i, p)
		}
	}()
	return result{val: f()}
}

func runAll(jobs []func() int, workers int) []result {
	results := make([]result, len(jobs))
	idx := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				results[i] = runJob(i, jobs[i])
			}
		}()
	}
	for i := range jobs {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return results
}

func main() {
	zero := 0
	jobs := []func() int{
		func() int { return 1 },
		func() int { return 4 },
		func() int {
			defer func() {}()
			if zero == 0 {
				panic("division by zero")
			}
			return 9 / zero
		},
		func() int { return 16 },
	}
	for i, r := range runAll(jobs, 2) {
		if r.err != nil {
			fmt.Printf("%d: error: %v\n", i, r.err)
		} else {
			fmt.Printf("%d: %d\n", i, r.val)
		}
	}
}
