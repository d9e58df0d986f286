// expect: race assert
//
// Two goroutines increment a shared counter without synchronisation: a
// data race, and on some interleavings a lost update.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	wg.Wait()
	assert(counter == 2, "lost an update: counter is", counter)
	fmt.Println(counter)
}
