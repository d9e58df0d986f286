// expect: race
// weft: --go 1.19
//
// Go 1.19: the range variable is shared by all iterations; the goroutines
// read it while the loop writes the next element into it.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type job struct{ name string }

func main() {
	jobs := []job{{"a"}, {"b"}, {"c"}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[string]int{}
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[j.name]++ // BUG (before Go 1.22): j is the loop's one variable
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen) > 0)
}
