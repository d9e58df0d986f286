// expect: outcomes "6\n"
//
// scenarios/bugs/panic_merge_close_while_sending.go fixed: Add before the loop, one closer
// after it. go run -race: 6, four runs.
// (issue 15, outside round.)
package main

import (
	"fmt"
	"sync"
)

func merge(ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(ins))
	for _, in := range ins {
		go func(in <-chan int) {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}(in)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func source(vals ...int) <-chan int {
	c := make(chan int)
	go func() {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}()
	return c
}

func main() {
	sum := 0
	for v := range merge(source(1, 2), source(3)) {
		sum += v
	}
	fmt.Println(sum)
}
