// Fan-out over shard numbers with a three-clause loop: under go 1.19 (this
// module's version) i is one variable for the whole loop, so the
// goroutines read it while the loop's i++ writes it (go run -race: a race
// on i, and counts such as [0 1 1] or an index out of range). The lock
// around the read does not help: the loop's write is not under it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const shards = 3
	counts := make([]int, shards)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < shards; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			if i < shards {
				counts[i]++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(counts)
}
