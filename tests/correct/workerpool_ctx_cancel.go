// expect: ok outcomes "job 0 -> 6\njob 1 -> 10\njob 2 -> 15\n"
//
// A worker pool: jobs fan out to two workers that stop on a cancelled
// context or a closed jobs channel; results are collected until the
// workers are done and sorted.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

type job struct {
	id int
	n  int
}

type result struct {
	id  int
	sum int
}

func worker(ctx context.Context, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			s := 0
			for i := 1; i <= j.n; i++ {
				s += i
			}
			select {
			case results <- result{j.id, s}:
			case <-ctx.Done():
				return
			}
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	jobs := make(chan job)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go worker(ctx, jobs, results, &wg)
	}
	go func() {
		defer close(jobs)
		for i := 0; i < 3; i++ {
			select {
			case jobs <- job{id: i, n: i + 3}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var got []result
	for r := range results {
		got = append(got, r)
	}
	sort.Slice(got, func(a, b int) bool { return got[a].id < got[b].id })
	for _, r := range got {
		fmt.Printf("job %d -> %d\n", r.id, r.sum)
	}
}
