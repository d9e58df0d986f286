// errors: errors.Is and errors.As through fmt.Errorf's %w (one and
// several), errors.Join, Unwrap, an Is method, and a sentinel shared by
// goroutines that wrap it concurrently.
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type timeout struct{}

func (timeout) Error() string        { return "timeout" }
func (timeout) Is(target error) bool { return target == ErrNotFound }

func find(key string) error {
	if key == "" {
		return nil
	}
	return fmt.Errorf("find %q: %w", key, &QueryError{"select " + key, ErrNotFound})
}

func main() {
	err := find("k")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(find(""), ErrNotFound))
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("as:", qe.Query)
	}
	fmt.Println(errors.Unwrap(err) == error(qe), errors.Unwrap(errors.Unwrap(err)) == ErrNotFound)
	fmt.Println(errors.Unwrap(ErrNotFound) == nil, errors.Is(nil, nil), errors.Is(err, nil))

	other := errors.New("other")
	two := fmt.Errorf("both: %w and %w", ErrNotFound, other)
	fmt.Println(two, errors.Is(two, other), errors.Is(two, ErrNotFound), errors.Unwrap(two) == nil)
	fmt.Printf("%T %T %T\n", two, err, fmt.Errorf("plain %d", 1))

	j := errors.Join(nil, other, timeout{})
	fmt.Printf("%q %v %v\n", j.Error(), errors.Is(j, ErrNotFound), errors.Join(nil, nil) == nil)
	var to timeout
	fmt.Println(errors.As(fmt.Errorf("x: %w", j), &to), to)

	// a sentinel wrapped by several goroutines at once
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fmt.Errorf("worker %d: %w", i, ErrNotFound)
		}()
	}
	wg.Wait()
	n := 0
	for _, e := range errs {
		if errors.Is(e, ErrNotFound) {
			n++
		}
	}
	fmt.Println(n, errs[2])
}
