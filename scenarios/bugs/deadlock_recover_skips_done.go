// expect: deadlock
//
// Workers recover from a panicking job so one bad input does not crash
// the batch, but wg.Done is called at the end of the job instead of
// deferred: after a panic the deferred recover runs, Done does not, and
// Wait blocks forever.
// (outside round 4: a bug written as engineers write it; go run -race
// reports "all goroutines are asleep - deadlock!".)
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func process(in string) int {
	n, err := strconv.Atoi(in)
	if err != nil {
		panic(err)
	}
	return n * 2
}

func main() {
	inputs := []string{"1", "x", "3"}
	out := make([]int, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Add(1)
		go func(i int, in string) {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("job", i, "failed:", r)
				}
			}()
			out[i] = process(in)
			wg.Done()
		}(i, in)
	}
	wg.Wait()
	fmt.Println(out)
}
