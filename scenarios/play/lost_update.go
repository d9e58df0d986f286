// play: outcome "1\n"
// expect: race outcomes "1\n" "2\n"
//
// Lost update. Two goroutines each add one to a shared counter without a
// lock, as the mutex section of "Go Concurrency Patterns" (seeds/002)
// warns against: counter++ is a read, then a write, and another
// goroutine can run in between. Be the scheduler: make it print 1.
package main

import (
	"fmt"
	"sync"
)

var counter int

func add(wg *sync.WaitGroup) {
	defer wg.Done()
	counter++
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go add(&wg)
	go add(&wg)
	wg.Wait()
	fmt.Println(counter)
}
