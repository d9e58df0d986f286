// expect: ok
//
// A call with a 1 ms deadline: the worker computes and sends its answer
// on a channel with room for it, so a late answer neither blocks nor
// races; the caller takes the answer or gives up, and only the channel
// carries the value. go run -race: no race, "timeout" or "done" as the
// computation wins (nine runs, GOMAXPROCS 1, 2, 4).
package main

import (
	"fmt"
	"time"
)

func compute(n int) int {
	h := 0
	for i := 0; i < n; i++ {
		h = h*31 + i%17
	}
	return h
}

func call(n int, d time.Duration) (int, bool) {
	reply := make(chan int, 1)
	go func() {
		reply <- compute(n)
	}()
	select {
	case v := <-reply:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func main() {
	_, ok := call(30000, time.Millisecond)
	if ok {
		fmt.Println("done")
	} else {
		fmt.Println("timeout")
	}
	time.Sleep(5 * time.Millisecond)
}
