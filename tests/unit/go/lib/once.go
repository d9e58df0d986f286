// sync.OnceValue from two goroutines started by WaitGroup.Go: f runs
// once and its result is seen by all; OnceValues; a panic in OnceFunc's
// f comes back on every call, as in Go.
package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	calls := 0
	get := sync.OnceValue(func() int { calls++; return 42 })
	var total int
	for i := 0; i < 2; i++ {
		wg.Go(func() { _ = get() })
	}
	wg.Wait()
	total = get() + 1
	fmt.Println(total, calls)
	vals := sync.OnceValues(func() (int, error) { return 7, errors.New("e") })
	n, err := vals()
	fmt.Println(n, err)
	boom := sync.OnceFunc(func() { calls++; panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered", recover(), calls) }()
			boom()
		}()
	}

}
