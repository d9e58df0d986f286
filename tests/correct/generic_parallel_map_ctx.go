// expect: ok outcomes "[1 4 9] true\nerror: bad input -2\n"
//
// A bounded parallel map with generics: at most `limit` calls run at
// once (a semaphore channel), results land at their input's index, and
// the first error cancels the context so the calls not yet started are
// skipped; ParallelMap returns only after every started call finished.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"context"
	"fmt"
	"sync"
)

func ParallelMap[T, R any](ctx context.Context, in []T, limit int, f func(context.Context, T) (R, error)) ([]R, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make([]R, len(in))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	for i, v := range in {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(i int, v T) {
			defer func() { <-sem; wg.Done() }()
			r, err := f(ctx, v)
			if err != nil {
				once.Do(func() { firstErr = err; cancel() })
				return
			}
			out[i] = r
		}(i, v)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return out, ctx.Err()
}

func square(ctx context.Context, x int) (int, error) {
	if x < 0 {
		return 0, fmt.Errorf("bad input %d", x)
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return x * x, nil
}

func main() {
	res, err := ParallelMap(context.Background(), []int{1, 2, 3}, 2, square)
	fmt.Println(res, err == nil)
	_, err = ParallelMap(context.Background(), []int{1, -2, 3}, 2, square)
	fmt.Println("error:", err)
}
