// expect: deadlock
//
// A partial deadlock: two goroutines take two locks in opposite orders
// and block each other forever, while main, which can no longer reach
// either lock, goes on working. Go's runtime says nothing (main still
// runs); weft reports the blocked pair at the step the cycle forms.
package main

import (
	"fmt"
	"sync"
	"time"
)

func transfer() {
	var a, b sync.Mutex
	go func() {
		a.Lock()
		time.Sleep(time.Millisecond)
		b.Lock()
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		b.Lock()
		time.Sleep(time.Millisecond)
		a.Lock()
		a.Unlock()
		b.Unlock()
	}()
}

func main() {
	transfer()
	for i := 0; i < 3; i++ {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("main still working", i)
	}
}
