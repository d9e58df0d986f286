// expect: outcomes "ab\n" "ba\n"
//
// Two goroutines print one letter each, then main prints a newline after
// both: the two orders are the only outcomes.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, s := range []string{"a", "b"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			mu.Lock()
			fmt.Print(s)
			mu.Unlock()
		}(s)
	}
	wg.Wait()
	fmt.Println()
}
