// expect: outcomes "result 7 true\n"
// weft: --preemptions 3
//
// A select with default that backs off with runtime.Gosched until a
// worker closes done: correct (go run -race: result 7 true, four runs),
// and its tree has no last execution (the poll can spin any number of
// times), so the search is bounded here; without a bound it ends at the
// default time limit, cut, with no finding.
// (issue 15, outside round.)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan struct{})
	result := 0
	go func() {
		result = 7
		close(done)
	}()
	spins := 0
	for {
		select {
		case <-done:
			fmt.Println("result", result, spins >= 0)
			return
		default:
			spins++
			runtime.Gosched() // back off and poll again
		}
	}
}
