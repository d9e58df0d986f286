// expect: potential-deadlock
//
// Lock-order inversion that cannot deadlock in this program: transfer
// takes a then b, audit takes b then a, but audit only starts after
// transfer has finished (the channel orders them). Like lockdep and TSan,
// weft reports the inversion with both acquisition sites as a
// potential-deadlock warning: the day someone starts audit concurrently,
// it deadlocks.
package main

import (
	"fmt"
	"sync"
)

var a, b sync.Mutex
var balance int

func transfer(done chan<- struct{}) {
	a.Lock()
	b.Lock()
	balance++
	b.Unlock()
	a.Unlock()
	close(done)
}

func audit() {
	b.Lock()
	a.Lock()
	fmt.Println("balance", balance)
	a.Unlock()
	b.Unlock()
}

func main() {
	done := make(chan struct{})
	go transfer(done)
	<-done
	audit()
}
