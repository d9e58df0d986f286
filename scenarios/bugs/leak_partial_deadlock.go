// expect: leak
//
// A partial deadlock that ends as a leak: two goroutines take two locks in
// opposite orders and block each other forever, while main, which can no
// longer reach either lock, goes on working and then returns. weft
// detects the blocked pair at the step the cycle forms; as main's return
// ends a Go program, the pair is reported as a leak (a warning in a
// program, an error in a test) that carries that step and the cycle.
// Compare deadlock_partial.go, where main never returns.
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
