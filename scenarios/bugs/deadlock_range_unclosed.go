// expect: deadlock
//
// Ranging over a channel that nobody closes: the loop waits for a value
// that never comes once the producer is done.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
		}
		// forgot: close(ch)
	}()
	for v := range ch {
		fmt.Println(v)
	}
}
