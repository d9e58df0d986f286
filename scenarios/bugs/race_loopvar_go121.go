// expect: race
// weft: --go 1.21
//
// Before Go 1.22 a for loop has one i for all iterations: the goroutines
// read it while the loop increments it.
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	seen := map[int]bool{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[i] = true // BUG (before Go 1.22): i is one variable shared with the loop
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen))
}
