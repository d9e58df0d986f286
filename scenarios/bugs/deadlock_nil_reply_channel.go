// expect: deadlock
//
// A request type with a reply channel: one caller forgets to make it, so
// the server's send on the nil channel blocks for ever, and so does that
// caller's receive from it.
// (issue 15, outside round: a bug written as engineers write it; go run:
// "all goroutines are asleep" in 3 of 3 runs.)
package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs chan request) {
	for r := range reqs {
		r.reply <- r.n + 1
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	a := request{n: 1, reply: make(chan int)}
	reqs <- a
	fmt.Println(<-a.reply)
	var b request
	b.n = 2 // reply left nil
	reqs <- b
	fmt.Println(<-b.reply)
}
