// expect: ok
//
// scenarios/bugs/race_timeout_result.go fixed: the result comes on a buffered channel.
// go run -race: "result 49" once, "timeout" three times; under strict
// virtual time the 1ms deadline always fires before the 2ms sleep.
// (issue 15, outside round.)
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
	out := make(chan int, 1) // buffered: the late sender never blocks
	go func() {
		out <- slowSquare(7)
	}()
	select {
	case res := <-out:
		fmt.Println("result", res)
	case <-ctx.Done():
		fmt.Println("timeout")
	}
}
