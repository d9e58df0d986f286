// expect: leak
//
// A client gives up after a timeout; the server then blocks forever on the
// unbuffered reply channel. go run -race prints "0 false" and exits 0
// (four runs): the server goroutine leaks.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"time"
)

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		time.Sleep(2 * time.Millisecond)
		r.reply <- r.n * 2 // BUG: blocks forever once the client gave up
	}
}

func call(reqs chan<- request, n int) (int, bool) {
	r := request{n, make(chan int)}
	reqs <- r
	select {
	case v := <-r.reply:
		return v, true
	case <-time.After(time.Millisecond):
		return 0, false
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	v, ok := call(reqs, 21)
	fmt.Println(v, ok)
}
