// expect: race
// weft: --go 1.21
//
// The Go wiki's CommonMistakes, "Using goroutines on loop iterator
// variables": before Go 1.22 the loop has one variable v, which the
// goroutines read while the loop writes it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[string]bool{}
	for _, v := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[v] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen) <= 3)
}
