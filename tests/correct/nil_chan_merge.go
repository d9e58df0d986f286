// expect: ok outcomes "4 6\n"
//
// Merging two sources in one select loop: a closed source's channel is set
// to nil so its case is disabled, and the loop ends when both are nil.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import "fmt"

func source(prefix string, n int) <-chan string {
	c := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			c <- fmt.Sprintf("%s%d", prefix, i)
		}
		close(c)
	}()
	return c
}

func main() {
	a, b := source("a", 2), source("b", 3)
	na, nb := 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			na += len(v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			nb += len(v)
		}
	}
	fmt.Println(na, nb)
}
