// expect: deadlock
//
// The dining philosophers, each taking the left fork, then the right one.
// When every philosopher holds a left fork, nobody can take a right one:
// all four Coffman conditions hold, and the program deadlocks.
package main

import (
	"fmt"
	"sync"
)

const n = 3

func phil(i int, forks []*sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	left, right := forks[i], forks[(i+1)%n]
	left.Lock()
	right.Lock()
	fmt.Println("philosopher", i, "eats")
	right.Unlock()
	left.Unlock()
}

func main() {
	forks := make([]*sync.Mutex, n)
	for i := range forks {
		forks[i] = new(sync.Mutex)
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go phil(i, forks, &wg)
	}
	wg.Wait()
}
