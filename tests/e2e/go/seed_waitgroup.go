// expect: ok
// weft: --preemptions 1
// From the seed "Go Concurrency Patterns" (WaitGroup), unmodified.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done() // Decrement counter when goroutine completes
	fmt.Printf("Worker %d starting\n", id)
	fmt.Printf("Worker %d done\n", id)
}

func main() {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1) // Track each goroutine started
		go worker(i, &wg)
	}
	// Wait for all goroutines to finish
	wg.Wait()
	fmt.Println("All workers done.")
}
