// A fan-out Example whose output order depends on the scheduler, written
// as go test wants it: an // Unordered output: comment, compared line by
// line sorted, so it passes on every interleaving (with // Output: it
// would fail on most).
package fanout

import (
	"fmt"
	"strings"
	"sync"
)

func Example_fanOut() {
	words := []string{"go", "chan", "select"}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			fmt.Println(strings.ToUpper(w), len(w))
		}(w)
	}
	wg.Wait()

	// Unordered output:
	// SELECT 6
	// GO 2
	// CHAN 4
}
