// expect: ok outcomes "recovered 2\n"
//
// safeGo: a goroutine wrapper that turns a panic into an error (with the
// panic value wrapped), reported on an error channel; errors.As finds the
// typed error through the %w chain.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type PanicError struct{ Value any }

func (p *PanicError) Error() string { return fmt.Sprintf("panic: %v", p.Value) }

func safeGo(wg *sync.WaitGroup, errs chan<- error, name string, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				errs <- fmt.Errorf("task %s: %w", name, &PanicError{Value: r})
			}
		}()
		f()
	}()
}

func main() {
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	var m map[string]int
	safeGo(&wg, errs, "ok", func() {})
	safeGo(&wg, errs, "nilmap", func() { m["x"] = 1 })
	safeGo(&wg, errs, "index", func() {
		xs := []int{1}
		i := 3
		_ = xs[i]
	})
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		var pe *PanicError
		if errors.As(err, &pe) {
			n++
		}
	}
	fmt.Println("recovered", n)
}
