// expect: ok outcomes "total letters: 6\n"
//
// Fan-out to two length workers reading one channel, fan-in through a
// merge whose closer waits on a WaitGroup.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
)

func producer(words []string) <-chan string {
	out := make(chan string)
	go func() {
		for _, w := range words {
			out <- w
		}
		close(out)
	}()
	return out
}

func lengths(in <-chan string) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for w := range in {
			out <- len(w)
		}
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := producer([]string{"go", "weft"})
	total := 0
	for n := range merge(lengths(in), lengths(in)) {
		total += n
	}
	fmt.Println("total letters:", total)
}
