// play: outcome "took one, 0 left\ntook one, -1 left\n"
// expect: ok outcomes "took one, 1 left\ntook one, 0 left\n" "took one, 0 left\ntook one, 0 left\n" "took one, 0 left\ntook one, -1 left\n"
//
// A condition variable waited on with `if` instead of `for`, against the
// cond section of "Go Concurrency Patterns" (seeds/002), which loops: a
// woken consumer does not look again, and another consumer may have
// taken the item between the Signal and the wake-up. Be the scheduler:
// make a consumer take an item that is not there.
package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var cond = sync.NewCond(&mu)
var items int

func consumer(wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	if items == 0 { // should be: for items == 0
		cond.Wait()
	}
	items--
	fmt.Printf("took one, %d left\n", items)
	mu.Unlock()
}

func producer(wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	items++
	cond.Signal()
	mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(4)
	go consumer(&wg)
	go consumer(&wg)
	go producer(&wg)
	go producer(&wg)
	wg.Wait()
}
