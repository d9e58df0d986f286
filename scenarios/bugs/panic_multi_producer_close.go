// expect: panic race
//
// Several producers share one output channel; the first to finish closes
// it while the others may still send.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	out := make(chan int, 10)
	var once sync.Once
	var wg sync.WaitGroup
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				out <- p*10 + i
			}
			once.Do(func() { close(out) }) // BUG: the other producer may not be done
		}(p)
	}
	wg.Wait()
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println(sum)
}
