// expect: outcomes "201\n"
// weft: --max-executions 50
//
// A goroutine takes the mutex again right after releasing it, in a tight
// loop, while another needs it once (formerly scenarios/bugs/
// starvation_greedy.go). Under --mutex free a scheduler that keeps the
// greedy goroutine running passes the waiter over at every Unlock; that
// is the scheduler's doing, not the program's (Go's runtime hands the
// mutex to a waiter that has waited 1ms), so it is no starvation.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	queued := make(chan bool)
	count := 0
	wg.Add(2)
	mu.Lock() // both queue up behind main
	go func() { // greedy
		defer wg.Done()
		for i := 0; i < 200; i++ {
			mu.Lock()
			count++
			mu.Unlock()
		}
	}()
	go func() { // needs the mutex once
		defer wg.Done()
		queued <- true
		mu.Lock()
		count++
		mu.Unlock()
	}()
	<-queued
	mu.Unlock()
	wg.Wait()
	fmt.Println(count)
}
