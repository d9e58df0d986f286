// expect: ok outcomes "true\nfree again\n"
//
// A semaphore with context-aware Acquire: a buffered channel holds the
// permits, Acquire selects between taking one and the context's Done.
// The holder keeps its permit past the second caller's deadline, so the
// second caller gives up with DeadlineExceeded; permits are always
// released by whoever acquired them.
// (outside round 3: a correct program written as engineers write it; go run
// -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report nothing and
// print the output above.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Sem chan struct{}

func (s Sem) Acquire(ctx context.Context) error {
	select {
	case s <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s Sem) Release() { <-s }

func main() {
	sem := make(Sem, 1)
	var wg sync.WaitGroup
	held := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := sem.Acquire(context.Background()); err != nil {
			panic(err)
		}
		close(held)
		time.Sleep(50 * time.Millisecond)
		sem.Release()
	}()
	<-held
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err := sem.Acquire(ctx)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	wg.Wait()
	if err := sem.Acquire(context.Background()); err == nil {
		sem.Release()
		fmt.Println("free again")
	}
}
