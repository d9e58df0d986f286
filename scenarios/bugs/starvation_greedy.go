// expect: starvation
// weft: --max-executions 50
//
// A greedy goroutine takes the mutex again right after releasing it, in a
// tight loop, while another goroutine waits for it once. With Go's
// normal-mode mutex (weft's --mutex free) whoever runs next may take a
// freed mutex, so a scheduler that keeps the greedy goroutine running
// (here: no preemption) passes the waiter over at every Unlock: it waits
// while the mutex is granted to others more than 100 times in a row.
// (Go's runtime switches a mutex to starvation mode once a waiter has
// waited 1ms; weft's --mutex fifo models that hand-off, and then nothing
// is found.)
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
