// expect: leak
//
// A gen | square pipeline whose consumer breaks out early with no done
// channel: both stages stay blocked on their sends. go run -race prints
// "sum 5" and exits 0 (four runs): the goroutines leak.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	sum := 0
	for v := range square(gen(5)) {
		sum += v
		if sum > 4 { // BUG: stops reading; gen and square stay blocked
			break
		}
	}
	fmt.Println("sum", sum)
}
