// expect: race
//
// Fan-out with a context: each worker appends its result to a shared slice
// without a lock. go run -race: DATA RACE, four runs of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"context"
	"fmt"
	"sync"
)

func fetch(ctx context.Context, id int) (int, error) {
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	default:
		return id * 10, nil
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var results []int
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			v, err := fetch(ctx, id)
			if err != nil {
				return
			}
			results = append(results, v) // BUG: unsynchronized append
		}(i)
	}
	wg.Wait()
	fmt.Println(len(results))
}
