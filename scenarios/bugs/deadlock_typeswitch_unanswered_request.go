// expect: deadlock
//
// A store goroutine serves typed requests through one channel and
// switches on their type; every request carries a reply channel. A new
// request type (Delete) was added to the clients but not to the switch:
// the default case logs and drops it, so the client waits for a reply
// that never comes.
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) reports "all goroutines are asleep".)
package main

import (
	"fmt"
	"strings"
)

type Get struct {
	Key   string
	Reply chan string
}

type Set struct {
	Key, Val string
	Reply    chan bool
}

type Delete struct {
	Key   string
	Reply chan bool
}

func store(reqs <-chan interface{}, logs *strings.Builder) {
	data := map[string]string{}
	for r := range reqs {
		switch r := r.(type) {
		case Get:
			r.Reply <- data[r.Key]
		case Set:
			_, existed := data[r.Key]
			data[r.Key] = r.Val
			r.Reply <- existed
		default:
			fmt.Fprintf(logs, "unknown request %T\n", r) // BUG: no reply
		}
	}
}

func main() {
	reqs := make(chan interface{})
	var logs strings.Builder
	go store(reqs, &logs)

	ok := make(chan bool)
	reqs <- Set{Key: "a", Val: "1", Reply: ok}
	<-ok
	reqs <- Delete{Key: "a", Reply: ok}
	fmt.Println("deleted, existed:", <-ok)
	close(reqs)
}
