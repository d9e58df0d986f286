// expect: deadlock
//
// A request loop that, on a retry, sends the request back into its own
// unbuffered input channel from the only goroutine that receives from
// it: the send can never be matched, and main waits for the loop to
// finish: every goroutine is asleep.
package main

import "fmt"

func main() {
	reqs := make(chan int)
	done := make(chan bool)
	go func() {
		for r := range reqs {
			if r < 0 {
				reqs <- -r // retry: nobody else receives
				continue
			}
			fmt.Println("served", r)
		}
		done <- true
	}()
	reqs <- 1
	reqs <- -2
	<-done
}
