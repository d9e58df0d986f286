// expect: panic race
//
// A goroutine closes the channel main is sending on, with no receiver:
// every order ends in "send on closed channel", and the close races with
// the send (Go's chansend reads the channel before it looks at closed, and
// nothing orders the close before it): go run -race reports the data race
// beside the panic, and so must weft, though no send ever completes.
package main

func main() {
	c := make(chan int)
	go func() { close(c) }()
	c <- 1 // BUG: closed under it
}
