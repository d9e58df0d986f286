// The map is read under mu but written after the Unlock: the fix is the
// lock, held over the write too.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counts := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	words := []string{"a", "b", "a"}
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			mu.Lock()
			n := counts[w]
			mu.Unlock()
			counts[w] = n + 1
		}(w)
	}
	wg.Wait()
	fmt.Println(counts["a"], counts["b"])
}
