// expect: ok outcomes "result 7\n"
//
// A select with default that backs off with runtime.Gosched until a
// worker closes done (select_default_poll_gosched.go without its counter
// of spins): correct (go run -race: no race). The polls and yields
// between two looks at done change nothing, so the await check parks
// main until done is closed, and the search completes.
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
	for {
		select {
		case <-done:
			fmt.Println("result", result)
			return
		default:
			runtime.Gosched()
		}
	}
}
