// expect: race panic
//
// The classic WaitGroup misuse: Add is called inside the goroutine instead
// of before the go statement, so Wait may see the counter at zero and
// return before the workers have even started. Go's race detector reports
// it as a race on the WaitGroup (sync/waitgroup.go models an Add from zero
// as a read and the first blocking Wait as a write); so does weft, and
// says what to do. And when one worker's Done has released main's Wait,
// another's Add before main returns from it panics there: "sync:
// WaitGroup is reused before previous Wait has returned".
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 2; i++ {
		go func(n int) {
			wg.Add(1)
			defer wg.Done()
			mu.Lock()
			total += n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	mu.Lock()
	fmt.Println(total)
	mu.Unlock()
}
