// expect: panic
//
// Go by Example's stateful goroutines with the state declared but never
// made: `var state map[int]int` is nil, reads of it work (they return 0)
// so the first reads succeed, but the first write request panics with
// "assignment to entry in nil map" inside the owner goroutine.
package main

import (
	"fmt"
	"sync"
)

type readOp struct {
	key  int
	resp chan int
}

type writeOp struct {
	key, val int
	resp     chan bool
}

func owner(reads <-chan readOp, writes <-chan writeOp) {
	var state map[int]int // BUG: never made
	for {
		select {
		case r := <-reads:
			r.resp <- state[r.key]
		case w := <-writes:
			state[w.key] = w.val
			w.resp <- true
		}
	}
}

func main() {
	reads := make(chan readOp)
	writes := make(chan writeOp)
	go owner(reads, writes)

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for k := 0; k < 3; k++ {
			r := readOp{k, make(chan int)}
			reads <- r
			fmt.Println("read", k, <-r.resp)
		}
	}()
	go func() {
		defer wg.Done()
		w := writeOp{1, 10, make(chan bool)}
		writes <- w
		<-w.resp
		fmt.Println("wrote 1")
	}()
	wg.Wait()
}
