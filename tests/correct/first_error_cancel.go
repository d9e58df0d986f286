// expect: outcomes "first error: task 1 failed\n"
// weft: --max-executions 3000
//
// Run tasks until the first error, then cancel the rest (errgroup's
// pattern with context and a WaitGroup): every task returns.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func task(ctx context.Context, i int) error {
	if i == 1 {
		return errors.New("task 1 failed")
	}
	<-ctx.Done()
	return ctx.Err()
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := task(ctx, i); err != nil && !errors.Is(err, context.Canceled) {
				once.Do(func() {
					first = err
					cancel()
				})
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("first error:", first)
}
