// expect: ok
//
// "Go Concurrency Patterns" (seeds/002), section Wait Groups, unmodified:
// three workers (range over an integer, Go 1.22) each print two lines;
// main waits for them with a WaitGroup and prints last. The workers'
// lines interleave in any order (90 outputs), so no outcome list; no
// finding, and "All workers done." is always last.
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
