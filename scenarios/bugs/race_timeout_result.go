// expect: race
//
// A call with a timeout: the worker writes res after the caller gave up,
// and the timeout branch reads it. go run -race: DATA RACE in three runs
// of four (the fourth took the result branch).
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"context"
	"fmt"
	"time"
)

func slowSquare(x int) int {
	time.Sleep(2 * time.Millisecond)
	return x * x
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	var res int
	done := make(chan struct{})
	go func() {
		res = slowSquare(7) // BUG: written after the caller gave up
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("result", res)
	case <-ctx.Done():
		fmt.Println("timeout, partial", res) // reads res unordered
	}
}
