// expect: outcomes "ping 1\npong 2\nping 3\npong 4\n" "pong 1\nping 2\npong 3\nping 4\n"
// expect: leak
//
// Pike, "Advanced Go Concurrency Patterns" (2013): ping-pong. Two players
// pass a ball on an unbuffered table channel, 100 ms a hit; main serves
// the ball, waits 250 ms and takes it back. Main waits for the ball from
// 250 ms, before the player who hit at 200 ms comes back for it at 300
// ms, so main gets it at 400 ms, after four hits: Go's receivers are
// served in arrival order. Either player may take the serve. The players
// are left waiting when main returns (the program ends there).
package main

import (
	"fmt"
	"time"
)

type Ball struct{ hits int }

func player(name string, table chan *Ball) {
	for {
		ball := <-table
		ball.hits++
		fmt.Println(name, ball.hits)
		time.Sleep(100 * time.Millisecond)
		table <- ball
	}
}

func main() {
	table := make(chan *Ball)
	go player("ping", table)
	go player("pong", table)

	table <- new(Ball) // game on; toss the ball
	time.Sleep(250 * time.Millisecond)
	<-table // game over; grab the ball
}
