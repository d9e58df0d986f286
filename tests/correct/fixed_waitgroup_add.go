// expect: outcomes "3\n"
//
// scenarios/bugs/race_waitgroup_add_in_goroutine.go fixed: Add runs
// before the goroutine starts, so Wait cannot see the counter at zero.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			mu.Lock()
			total += n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(total)
}
