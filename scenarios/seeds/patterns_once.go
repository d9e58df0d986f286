// expect: ok outcomes "Initializing...\n"
//
// "Go Concurrency Patterns" (seeds/002), section Once, unmodified: three
// goroutines call once.Do(initialize); it runs exactly once.
package main

import (
	"fmt"
	"sync"
)

var once sync.Once

func initialize() {
	fmt.Println("Initializing...")
}

func main() {
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(initialize)
		}()
	}
	wg.Wait()
}
