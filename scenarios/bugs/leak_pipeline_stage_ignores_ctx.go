// expect: leak
//
// A pipeline under an errgroup-style group: the consumer fails on a bad
// value and its error cancels the context, but the producer stage sends
// with a plain `out <- v` instead of selecting on ctx.Done(), so after
// the consumer returns it blocks forever on its send. Wait waits only
// for the consumer here (the producer was started with a bare go
// statement), so main returns and the producer is leaked.
// (outside round 5: a bug written as engineers write it; go run -race
// prints the error and exits 0: Go does not report leaked goroutines;
// goleak would.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func produce(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			if ctx.Err() != nil {
				return
			}
			out <- i // BUG: not in a select with ctx.Done()
		}
	}()
	return out
}

func consume(ctx context.Context, cancel context.CancelFunc, in <-chan int) error {
	sum := 0
	for v := range in {
		if v == 2 {
			cancel()
			return errors.New("bad value 2")
		}
		sum += v
	}
	_ = sum
	return nil
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	var err error
	in := produce(ctx, 10)
	wg.Add(1)
	go func() {
		defer wg.Done()
		err = consume(ctx, cancel, in)
	}()
	wg.Wait()
	fmt.Println("pipeline:", err)
}
