// expect: panic
//
// The close is ordered before the send (the wait group joins the closer):
// the send panics with "send on closed channel", and that is all; no race,
// as go run -race says (the send's read of the channel comes after the
// close's write).
package main

import "sync"

func main() {
	c := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		close(c)
		wg.Done()
	}()
	wg.Wait()
	c <- 1 // BUG: the channel is closed by now
}
