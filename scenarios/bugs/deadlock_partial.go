// expect: deadlock
// weft: --max-steps 2000
//
// A partial deadlock in a program that never ends: two goroutines take
// two locks in opposite orders and block each other forever, while main,
// a server loop that can no longer reach either lock, goes on working.
// Go's runtime says nothing (main still runs); weft reports the blocked
// pair at the step the cycle forms, and it stays a deadlock because the
// program never ends (here: cut at --max-steps). Compare
// leak_partial_deadlock.go, where main returns.
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
	for i := 0; ; i++ {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("main still working", i)
	}
}
