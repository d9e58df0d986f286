// expect: deadlock
//
// Per-job contexts derived from context.Background() instead of the
// request's ctx: cancelling the request never reaches the jobs, which
// wait on their own Done forever; main's Wait never returns.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"context"
	"fmt"
	"sync"
)

func runJobs(ctx context.Context, n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			jobCtx, cancel := context.WithCancel(context.Background()) // BUG: should derive from ctx
			defer cancel()
			<-jobCtx.Done()
		}(i)
	}
	wg.Wait()
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	runJobs(ctx, 2)
	fmt.Println("all jobs stopped")
}
