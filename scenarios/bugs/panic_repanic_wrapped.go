// expect: panic
//
// A worker recovers a panic to add context and panics again with the
// wrapped error; nothing above recovers the second panic, which crashes
// the program.
// (issue 15, outside round: a bug written as engineers write it; go run:
// the panic in most runs (main may exit first).)
package main

import (
	"fmt"
	"sync"
)

func parse(s string) int {
	if s == "" {
		panic("empty input")
	}
	return len(s)
}

func main() {
	var wg sync.WaitGroup
	total := make([]int, 2)
	for i, in := range []string{"abc", ""} {
		wg.Add(1)
		go func(i int, in string) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					panic(fmt.Errorf("worker %d: %v", i, r))
				}
			}()
			total[i] = parse(in)
		}(i, in)
	}
	wg.Wait()
	fmt.Println(total)
}
