// expect: ok
//
// A generic Future[T]: Async runs a function in a goroutine and
// completes the future once; Get blocks until done and may be called
// from many goroutines; Then chains a transformation as a new future.
// The result fields are written before done is closed and read after
// it, so the close orders them.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

type Future[T any] struct {
	done chan struct{}
	val  T
	err  error
}

func Async[T any](f func() (T, error)) *Future[T] {
	fu := &Future[T]{done: make(chan struct{})}
	go func() {
		defer close(fu.done)
		fu.val, fu.err = f()
	}()
	return fu
}

func (f *Future[T]) Get() (T, error) {
	<-f.done
	return f.val, f.err
}

func Then[T, U any](f *Future[T], g func(T) (U, error)) *Future[U] {
	return Async(func() (U, error) {
		v, err := f.Get()
		if err != nil {
			var zero U
			return zero, err
		}
		return g(v)
	})
}

func All[T any](fs ...*Future[T]) ([]T, error) {
	out := make([]T, len(fs))
	var errs []error
	for i, f := range fs {
		v, err := f.Get()
		if err != nil {
			errs = append(errs, fmt.Errorf("future %d: %w", i, err))
			continue
		}
		out[i] = v
	}
	if len(errs) > 0 {
		return out, errs[0]
	}
	return out, nil
}

func main() {
	raw := Async(func() (string, error) { return "41", nil })
	n := Then(raw, strconv.Atoi)
	plus := Then(n, func(v int) (int, error) { return v + 1, nil })
	bad := Then(Async(func() (string, error) { return "x", nil }), strconv.Atoi)

	var wg sync.WaitGroup
	got := make([]int, 2)
	for i := range got {
		wg.Add(1)
		go func(i int) { defer wg.Done(); got[i], _ = plus.Get() }(i)
	}
	wg.Wait()
	vals, err := All(plus, bad)
	fmt.Println(got, vals[0], errors.Is(err, strconv.ErrSyntax))
}
