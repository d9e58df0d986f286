// expect: starvation
// weft: --livelock-window 300 --max-executions 5
//
// Starvation by the program's own policy, under any fair scheduler: a
// lock server grants its lock to the lowest-numbered client waiting, and
// a client that releases it may ask again in the same message. Client 0
// always does, so it is always waiting when the lock comes back: clients
// 1 and 2, polling for the lock, run on and make no progress in a window
// of 300 steps while client 0 makes dozens. (progress() marks each time a
// client gets the lock.)
package main

import (
	"fmt"
	"runtime"
)

const rounds = 100

func server(req chan int, grant [3]chan bool, release chan bool) {
	var pending [3]bool
	npending := 0
	for served := 0; served < 3*rounds; served++ {
		if npending == 0 {
			pending[<-req] = true
			npending++
		}
		for drained := false; !drained; {
			select {
			case id := <-req:
				pending[id] = true
				npending++
			default:
				drained = true
			}
		}
		id := 0
		for !pending[id] {
			id++
		}
		pending[id] = false
		npending--
		grant[id] <- true
		if <-release { // it wants the lock again
			pending[id] = true
			npending++
		}
	}
}

func client(id int, req chan int, grant chan bool, release chan bool,
	done chan bool) {
	req <- id
	for i := 0; i < rounds; i++ {
		for waiting := true; waiting; { // poll for the lock, yielding
			select {
			case <-grant:
				waiting = false
			default:
				runtime.Gosched()
			}
		}
		progress()
		release <- i < rounds-1 // and ask again, while rounds are left
	}
	done <- true
}

func main() {
	req := make(chan int, 3)
	release := make(chan bool)
	done := make(chan bool)
	var grant [3]chan bool
	for i := range grant {
		grant[i] = make(chan bool)
	}
	go server(req, grant, release)
	for i := 0; i < 3; i++ {
		go client(i, req, grant[i], release, done)
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	fmt.Println("all served")
}
