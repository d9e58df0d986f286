// expect: deadlock
//
// Two goroutines each wait to receive before they send: a channel cycle,
// with no lock held by anyone.
package main

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		v := <-ping
		pong <- v + 1
	}()
	v := <-pong // main waits first: nobody ever sends on ping
	ping <- v
}
