// Two workers of one WaitGroup update a map with no lock: the fix is a
// lock (or a join), not a Wait on wg, which a worker cannot do.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counts := map[string]int{}
	var wg sync.WaitGroup
	for _, w := range []string{"a", "b"} {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			counts[w]++
		}(w)
	}
	wg.Wait()
	fmt.Println(len(counts))
}
