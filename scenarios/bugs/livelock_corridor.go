// expect: livelock
// weft: --strategy random --max-executions 5 --livelock-window 2000
//
// Two people meet in a corridor (the classic livelock). Each round both
// say which side they stand on, see the other on the same side, and both
// politely step across, so they face each other again, forever. Nobody
// blocks and both keep moving, but nobody passes: progress() marks
// passing, and the global state after one round trip equals the state
// before it, which proves the livelock (a non-progress cycle).
package main

import "fmt"

func walk(name string, side int, tell chan<- int, hear <-chan int, passed chan<- string) {
	for {
		tell <- side
		if other := <-hear; other != side {
			progress()
			passed <- name
			return
		}
		side = 1 - side // step across to let the other one pass
	}
}

func main() {
	aliceSays := make(chan int, 1)
	bobSays := make(chan int, 1)
	passed := make(chan string)
	go walk("alice", 0, aliceSays, bobSays, passed)
	go walk("bob", 0, bobSays, aliceSays, passed)
	fmt.Println(<-passed, "passed")
}
