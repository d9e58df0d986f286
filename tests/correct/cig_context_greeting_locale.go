// expect: ok
//
// Concurrency in Go, chapter 4, the context package, from memory:
// printGreeting and printFarewell run concurrently; both ask locale(),
// which for greetings times out after a deadline shorter than the
// simulated lookup, and the failing greeting cancels the shared context so
// that the farewell gives up too. Errors are collected and printed sorted.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

func locale(ctx context.Context) (string, error) {
	if deadline, ok := ctx.Deadline(); ok {
		if time.Until(deadline) < 20*time.Millisecond {
			return "", context.DeadlineExceeded
		}
	}
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case <-time.After(20 * time.Millisecond):
	}
	return "EN/US", nil
}

func genGreeting(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	switch loc, err := locale(ctx); {
	case err != nil:
		return "", err
	case loc == "EN/US":
		return "hello", nil
	}
	return "", errors.New("unsupported locale")
}

func genFarewell(ctx context.Context) (string, error) {
	switch loc, err := locale(ctx); {
	case err != nil:
		return "", err
	case loc == "EN/US":
		return "goodbye", nil
	}
	return "", errors.New("unsupported locale")
}

type errs struct {
	mu   sync.Mutex
	list []string
}

func (e *errs) add(what string, err error) {
	e.mu.Lock()
	e.list = append(e.list, what+": "+err.Error())
	e.mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var failures errs
	wg.Add(1)
	go func() {
		defer wg.Done()
		greeting, err := genGreeting(ctx)
		if err != nil {
			failures.add("cannot print greeting", err)
			cancel()
			return
		}
		fmt.Printf("%s world!\n", greeting)
	}()

	wg.Add(1)
	go func() {
		defer wg.Done()
		farewell, err := genFarewell(ctx)
		if err != nil {
			failures.add("cannot print farewell", err)
			return
		}
		fmt.Printf("%s world!\n", farewell)
	}()
	wg.Wait()

	sort.Strings(failures.list)
	for _, f := range failures.list {
		fmt.Println(f)
	}
}
