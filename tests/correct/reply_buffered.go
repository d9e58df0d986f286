// expect: outcomes "0 false\n"
//
// scenarios/bugs/leak_reply_after_timeout.go fixed: the reply channel has
// room for the late answer, and the server is shut down. go run -race:
// 0 false, four runs (strict virtual time: the 1ms timeout always wins).
// (issue 15, outside round.)
package main

import (
	"fmt"
	"time"
)

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request, done chan<- bool) {
	for r := range reqs {
		time.Sleep(2 * time.Millisecond)
		r.reply <- r.n * 2 // buffered: never blocks
	}
	done <- true
}

func call(reqs chan<- request, n int) (int, bool) {
	r := request{n, make(chan int, 1)}
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
	done := make(chan bool)
	go server(reqs, done)
	v, ok := call(reqs, 21)
	close(reqs)
	<-done
	fmt.Println(v, ok)
}
