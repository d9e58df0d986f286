// expect: ok
// weft: --max-steps 20000
//
// scenarios/bugs/race_spin_config_update.go fixed: the limit is read and
// written atomically, so main may raise it while the reporter spins.
// go run -race: no race (nine runs, GOMAXPROCS 1, 2, 4).
//
// The reporter never blocks, so under strict time each execution runs
// to the step budget before main's sleep may end: a small budget.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func report(limit *int32, stop <-chan struct{}, seen chan<- int) {
	over := 0
	for i := 0; ; i++ {
		select {
		case <-stop:
			seen <- over
			return
		default:
		}
		if int32(i%7) > atomic.LoadInt32(limit) {
			over++
		}
	}
}

func main() {
	limit := int32(3)
	stop := make(chan struct{})
	seen := make(chan int)
	go report(&limit, stop, seen)
	time.Sleep(time.Millisecond)
	atomic.StoreInt32(&limit, 5)
	close(stop)
	fmt.Println(<-seen >= 0)
}
