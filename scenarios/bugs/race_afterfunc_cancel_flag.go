// expect: race
//
// A job marks itself cancelled from a context.AfterFunc callback (Go
// 1.21), which runs on a goroutine of its own; the job's loop polls the
// plain bool between steps without synchronisation, so the callback's
// write races with the loop's reads.
// (outside round 3: a bug written as engineers write it; it uses a Go 1.21
// API, so Go 1.19 cannot run it: the callback's write at the 5 ms deadline
// and the loop's reads (until 10 ms) are unordered by the memory model.)
package main

import (
	"context"
	"fmt"
	"time"
)

type Job struct {
	cancelled bool
	steps     int
}

func (j *Job) Run(ctx context.Context) {
	stop := context.AfterFunc(ctx, func() { j.cancelled = true })
	defer stop()
	for !j.cancelled && j.steps < 5 {
		j.steps++
		time.Sleep(2 * time.Millisecond)
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	j := &Job{}
	j.Run(ctx)
	fmt.Println(j.steps > 0)
}
