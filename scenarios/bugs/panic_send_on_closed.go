// expect: panic race
//
// The consumer closes the channel the producer still sends on: Go panics
// with "send on closed channel", and the close races with the send (Go's
// race detector reports a close not ordered with a send).
package main

func main() {
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() {
		for i := 0; i < 2; i++ {
			ch <- i
		}
		done <- true
	}()
	<-ch
	close(ch) // the producer may still be sending
	<-done
}
