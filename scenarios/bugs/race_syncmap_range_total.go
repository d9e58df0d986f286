// expect: race
//
// Two reporters walk a sync.Map of per-endpoint latencies with Range and
// add them into one shared total: sync.Map makes Range safe, but the
// callbacks' writes to the captured total are plain and unsynchronised.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var latencies sync.Map
	latencies.Store("/a", 12)
	latencies.Store("/b", 30)
	total := 0
	var wg sync.WaitGroup
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			latencies.Range(func(k, v any) bool {
				total += v.(int)
				return true
			})
		}()
	}
	wg.Wait()
	fmt.Println(total <= 84)
}
