// expect: ok
//
// Go 1.25's sync.WaitGroup.Go (Add(1), go, Done in one call) used for a
// fan-out that writes results by index, next to the older Add/Done
// pattern for a second stage.
// (Go 1.19 has no WaitGroup.Go: checked with go run -race after
// rewriting wg.Go(f) as wg.Add(1); go func(){ defer wg.Done(); f() }().)
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"alpha", "beta", "gamma"}
	upper := make([]string, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() { upper[i] = strings.ToUpper(w) })
	}
	wg.Wait()
	lens := make([]int, len(upper))
	var wg2 sync.WaitGroup
	for i := range upper {
		wg2.Add(1)
		go func(i int) {
			defer wg2.Done()
			lens[i] = len(upper[i])
		}(i)
	}
	wg2.Wait()
	fmt.Println(strings.Join(upper, ","), lens)
}
