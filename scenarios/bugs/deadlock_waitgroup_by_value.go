// expect: deadlock
//
// A WaitGroup passed by value: each worker calls Done on its copy and
// main waits forever. go run: all goroutines are asleep (with -race it
// hung until timeout, four runs).
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg sync.WaitGroup, out chan<- int) { // BUG: wg copied
	defer wg.Done()
	out <- id * id
}

func main() {
	var wg sync.WaitGroup
	out := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, wg, out)
	}
	wg.Wait()
	close(out)
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println(sum)
}
