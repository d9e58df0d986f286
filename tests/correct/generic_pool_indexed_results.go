// expect: ok outcomes "[{ALPHA 5} {BETA 4} {GAMMA 5}]\n"
//
// A generic bounded parallel map: n workers take indices from a channel and
// write each result into its own slot of a pre-sized slice, so results keep
// the input order and no two goroutines touch the same element.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

func ParallelMap[In, Out any](in []In, workers int, f func(In) Out) []Out {
	out := make([]Out, len(in))
	idx := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				out[i] = f(in[i])
			}
		}()
	}
	for i := range in {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return out
}

func main() {
	words := []string{"alpha", "beta", "gamma"}
	type stat struct {
		upper string
		n     int
	}
	stats := ParallelMap(words, 2, func(s string) stat {
		return stat{strings.ToUpper(s), len(s)}
	})
	fmt.Println(stats)
}
