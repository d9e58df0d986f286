// expect: panic
//
// `defer recover()` does not stop a panic: recover must be called by a
// deferred function, not be the deferred call itself. The worker's panic
// crashes the program.
// (issue 15, outside round: a bug written as engineers write it; go run:
// the panic in most runs (main may exit first once the deferred Done has
// run).)
package main

import (
	"fmt"
	"sync"
)

func work(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	defer recover()
	if id == 1 {
		panic("worker 1 failed")
	}
	fmt.Println("worker", id, "ok")
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go work(i, &wg)
	}
	wg.Wait()
}
