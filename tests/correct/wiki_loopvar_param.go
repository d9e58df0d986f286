// expect: ok
// weft: --go 1.21
//
// The Go wiki's CommonMistakes, fixed as it says: before Go 1.22 the loop
// variable is one variable, so each goroutine gets its own copy as a
// parameter; the results go to distinct slice elements.
package main

import (
	"fmt"
	"sync"
)

func main() {
	vals := []string{"a", "b", "c"}
	out := make([]string, len(vals))
	var wg sync.WaitGroup
	for i, v := range vals {
		wg.Add(1)
		go func(i int, v string) {
			defer wg.Done()
			out[i] = v + v
		}(i, v)
	}
	wg.Wait()
	fmt.Println(out)
}
