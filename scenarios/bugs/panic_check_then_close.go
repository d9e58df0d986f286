// expect: panic
//
// Two workers that fail both "close quit unless already closed" with a
// select-default check: the check and the close are two steps, so both
// can pass the check and the second close panics.
// (issue 15, outside round: a bug written as engineers write it; go run
// shows no panic in 2000 runs (a narrow window); the select-default check
// and the close are two steps, so both workers can pass it.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			// ... work fails ...
			select {
			case <-quit:
			default:
				close(quit)
			}
		}(i)
	}
	wg.Wait()
	<-quit
	fmt.Println("stopped")
}
