// expect: ok
//
// The dining philosophers with a waiter: a buffered channel of n-1 seats
// lets at most n-1 philosophers reach for forks at once, so some
// philosopher always gets both forks (no hold-and-wait cycle can close).
package main

import (
	"fmt"
	"sync"
)

const n = 3

func main() {
	forks := make([]sync.Mutex, n)
	seats := make(chan struct{}, n-1)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			seats <- struct{}{} // sit down
			forks[i].Lock()
			forks[(i+1)%n].Lock()
			fmt.Println("philosopher", i, "eats")
			forks[(i+1)%n].Unlock()
			forks[i].Unlock()
			<-seats // leave the table
		}(i)
	}
	wg.Wait()
}
