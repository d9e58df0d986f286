// expect: ok outcomes "7\n"
//
// main polls a channel with a select's default until a worker sends on
// it: correct. A poll that finds nothing ready changes nothing, so the
// await check parks main until the channel can be received from.
package main

import "fmt"

func main() {
	done := make(chan int)
	go func() {
		done <- 7
	}()
	for {
		select {
		case v := <-done:
			fmt.Println(v)
			return
		default:
		}
	}
}
