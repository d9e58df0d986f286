// expect: race
//
// A Mutex passed by value: each goroutine locks its own copy, so c.n++ is
// unprotected. go run -race: DATA RACE, four runs of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	n int
}

func incr(mu sync.Mutex, c *Counter, wg *sync.WaitGroup) { // BUG: mu copied
	defer wg.Done()
	mu.Lock()
	c.n++
	mu.Unlock()
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	c := &Counter{}
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go incr(mu, c, &wg)
	}
	wg.Wait()
	fmt.Println(c.n)
}
