// main has not touched cond when everything blocks, but it holds the
// cond and would Signal it once its receive returned: it can act on
// cond and must be named. g2 holds no reference to cond: it is not.
package main

import "sync"

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	never := make(chan int)
	other := make(chan int)
	go func() {
		mu.Lock()
		cond.Wait()
		mu.Unlock()
	}()
	go func() {
		<-other
	}()
	<-never
	cond.Signal()
}
