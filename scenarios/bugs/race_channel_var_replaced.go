// expect: race deadlock
//
// The channel variable itself is shared: the reconnect loop replaces
// conn (a fresh channel per connection) while the reader goroutine reads
// the variable to receive from it. Channel operations are synchronised;
// the variable that holds the channel is not.
// (issue 15, outside round: a bug written as engineers write it; go run
// -race: the race in 12 of 12 runs; a deadlock when the reader takes the
// old channel twice.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	conn := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 2; i++ {
			msg := <-conn
			fmt.Println(msg != "")
		}
	}()
	conn <- "hello"
	conn = make(chan string, 1) // reconnect
	conn <- "again"
	wg.Wait()
}
