// expect: deadlock
// weft: --max-steps 3000
//
// A partial deadlock that forms when main drops its last reference to a
// channel: the sender is blocked, and once nobody can reach ch it can
// never be matched, though main goes on running, forever (a server
// loop, cut at --max-steps). weft finds it while main still runs (at most
// 256 steps after the reference is dropped), as Go's goroutine-leak
// profile would at its next collection.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	ch := make(chan int)
	go func(c chan int) {
		c <- 1 // blocks until someone receives
	}(ch)
	time.Sleep(time.Millisecond) // the sender is blocked by now
	ch = nil                     // the only receiver gives the channel up
	for i := 0; ; i++ {
		runtime.Gosched()
		if i == 1000 {
			fmt.Println("main still working")
		}
	}
}
