// expect: ok
//
// The dining philosophers, each taking the lower-numbered fork first: the
// forks are acquired in one global order, so there is no circular wait
// and no deadlock on any interleaving.
package main

import (
	"fmt"
	"sync"
)

const n = 4

func phil(i int, forks []sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	first, second := i, (i+1)%n
	if first > second {
		first, second = second, first
	}
	forks[first].Lock()
	forks[second].Lock()
	fmt.Println("philosopher", i, "eats")
	forks[second].Unlock()
	forks[first].Unlock()
}

func main() {
	forks := make([]sync.Mutex, n)
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go phil(i, forks, &wg)
	}
	wg.Wait()
}
