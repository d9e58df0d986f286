// expect: panic
//
// Each failing worker closes the shared failed channel: two fail, the
// second close panics. go run -race: close of closed channel in two runs
// of four.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

func work(id int) error {
	if id > 0 {
		return errors.New("failed")
	}
	return nil
}

func main() {
	failed := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := work(id); err != nil {
				close(failed) // BUG: two workers fail: close of closed channel
			}
		}(i)
	}
	wg.Wait()
	select {
	case <-failed:
		fmt.Println("a worker failed")
	default:
		fmt.Println("all ok")
	}
}
