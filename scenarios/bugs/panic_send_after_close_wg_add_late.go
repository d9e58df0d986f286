// expect: panic race
//
// wg.Add inside the goroutine: Wait may return before any Add, main
// closes results and a late sender panics (send on closed channel); the
// Add races with Wait and the close with the send, as go run -race says.
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int, 10)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		go func(i int) { // BUG: wg.Add missing, so close can come first
			wg.Add(1)
			defer wg.Done()
			results <- i * i
		}(i)
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(sum)
}
