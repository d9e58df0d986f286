// expect: ok outcomes "15 true\n"
// weft: --max-executions 300 --max-steps 20000
//
// A non-blocking producer: it offers each item with select/default and,
// when the consumer is behind, yields and tries again.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int, 1)
	done := make(chan int)
	go func() {
		sum := 0
		for v := range ch {
			sum += v
		}
		done <- sum
	}()
	dropped := 0
	for i := 1; i <= 5; i++ {
		for {
			select {
			case ch <- i:
			default:
				dropped++
				runtime.Gosched()
				continue
			}
			break
		}
	}
	close(ch)
	fmt.Println(<-done, dropped >= 0)
}
