// expect: ok outcomes "3 true\n"
//
// A supervisor restarts a worker that panics: the worker recovers in a
// deferred function and reports the crash on a channel; the supervisor
// restarts it until it completes, up to a limit. Every start is joined
// through the report channel, so nothing is left running.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync/atomic"
)

type report struct {
	attempt int
	err     interface{}
}

var calls atomic.Int32

func flakyJob() {
	if calls.Add(1) < 3 {
		panic("transient failure")
	}
}

func runOnce(attempt int, job func(), out chan<- report) {
	defer func() {
		out <- report{attempt, recover()}
	}()
	job()
}

func supervise(job func(), limit int) (int, bool) {
	out := make(chan report)
	for attempt := 1; attempt <= limit; attempt++ {
		go runOnce(attempt, job, out)
		r := <-out
		if r.err == nil {
			return r.attempt, true
		}
	}
	return limit, false
}

func main() {
	n, ok := supervise(flakyJob, 5)
	fmt.Println(n, ok)
}
