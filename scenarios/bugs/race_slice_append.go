// expect: race
//
// Two goroutines append to one slice variable without a lock.
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var results []int
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results = append(results, n*10) // BUG: concurrent append to a shared slice
		}(i)
	}
	wg.Wait()
	fmt.Println(len(results))
}
