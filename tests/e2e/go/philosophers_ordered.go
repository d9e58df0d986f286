// expect: ok
// weft: --preemptions 2
// Dining philosophers taking the lower-numbered fork first: no circular
// wait, so no deadlock in any interleaving (compare
// tests/unit/go/philosophers.go, the naive version).
package main

import (
	"fmt"
	"sync"
)

const n = 3

func main() {
	forks := make([]sync.Mutex, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			first, second := id, (id+1)%n
			if second < first {
				first, second = second, first
			}
			for meal := 0; meal < 2; meal++ {
				forks[first].Lock()
				forks[second].Lock()
				forks[second].Unlock()
				forks[first].Unlock()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("all fed")
}
