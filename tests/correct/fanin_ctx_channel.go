// expect: outcomes "[10 20]\n"
//
// scenarios/bugs/race_fanin_shared_slice.go fixed: results come back on a channel closed
// after the workers are done. go run -race: [10 20], four runs.
// (issue 15, outside round.)
package main

import (
	"context"
	"fmt"
	"sort"
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
	out := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			v, err := fetch(ctx, id)
			if err != nil {
				return
			}
			select {
			case out <- v:
			case <-ctx.Done():
			}
		}(i)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	var results []int
	for v := range out {
		results = append(results, v)
	}
	sort.Ints(results)
	fmt.Println(results)
}
