// expect: deadlock
//
// A pipeline with a WaitGroup over its stages: the consumer stops after
// the first match and then waits for the stages to finish, but nothing
// tells them to stop, so the generator and the filter stay blocked in
// their sends and the consumer in Wait.
// (outside round 3: a bug written as engineers write it; go run (without
// -race) reports "all goroutines are asleep" in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	nums := make(chan int)
	evens := make(chan int)
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer close(nums)
		for i := 1; i <= 10; i++ {
			nums <- i
		}
	}()
	go func() {
		defer wg.Done()
		defer close(evens)
		for n := range nums {
			if n%2 == 0 {
				evens <- n
			}
		}
	}()
	first := -1
	for n := range evens {
		if n > 2 {
			first = n
			break
		}
	}
	wg.Wait()
	fmt.Println(first)
}
