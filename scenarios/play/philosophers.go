// play: deadlock
// expect: deadlock
//
// The dining philosophers (scenarios/classic), three of them, each taking
// the fork on the left, then the one on the right. Be the scheduler:
// bring the table to a standstill.
package main

import (
	"fmt"
	"sync"
)

func phil(i int, left, right *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	left.Lock()
	right.Lock()
	fmt.Println("philosopher", i, "eats")
	right.Unlock()
	left.Unlock()
}

func main() {
	var f0, f1, f2 sync.Mutex
	var wg sync.WaitGroup
	wg.Add(3)
	go phil(0, &f0, &f1, &wg)
	go phil(1, &f1, &f2, &wg)
	go phil(2, &f2, &f0, &wg)
	wg.Wait()
}
