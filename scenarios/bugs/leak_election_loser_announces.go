// expect: leak
//
// Each candidate races to claim leadership with a CompareAndSwap and
// every candidate then reports its outcome on an unbuffered channel;
// the caller reads only the first report and returns the winner. The
// other candidates stay blocked on their sends forever.
// (outside round 5: a bug written as engineers write it; go run -race
// prints the leader and exits 0: Go does not report the two blocked
// goroutines; goleak would.)
package main

import (
	"fmt"
	"sync/atomic"
)

type report struct {
	id     int
	leader bool
}

func elect(ids []int) int {
	var leader atomic.Int64
	reports := make(chan report) // BUG: unbuffered, read once
	for _, id := range ids {
		go func(id int) {
			won := leader.CompareAndSwap(0, int64(id))
			reports <- report{id: id, leader: won}
		}(id)
	}
	for r := range reports {
		if r.leader {
			return r.id
		}
		// a loser's report: keep reading until the winner's
	}
	return 0
}

func main() {
	fmt.Println("leader elected:", elect([]int{1, 2, 3}) != 0)
}
