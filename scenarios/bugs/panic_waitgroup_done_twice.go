// expect: panic
//
// An error path calls wg.Done and returns, and the deferred Done runs too:
// negative WaitGroup counter.
// (issue 15: a bug written outside the suite.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

func process(id int) error {
	if id == 1 {
		return errors.New("bad record")
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := process(id); err != nil {
				fmt.Println("error:", err)
				wg.Done() // BUG: the deferred Done runs too
				return
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("all done")
}
