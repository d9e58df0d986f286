// expect: leak
//
// Replicated requests (Concurrency in Go, chapter 5) written without the
// done channel: every replica sends its answer on an unbuffered channel,
// main takes the first and returns. The slower replicas stay blocked on
// their send forever; go run prints the winner and exits 0 (Go does not
// complain), goleak would report the stuck goroutines.
package main

import (
	"fmt"
	"time"
)

type reply struct {
	replica string
	body    string
}

func query(replica string, latency time.Duration, q string, out chan<- reply) {
	time.Sleep(latency)
	out <- reply{replica, fmt.Sprintf("%s answered %q", replica, q)} // BUG: blocks once main stopped reading
}

func first(q string, replicas map[string]time.Duration) reply {
	out := make(chan reply)
	for name, lat := range replicas {
		go query(name, lat, q, out)
	}
	return <-out
}

func main() {
	replicas := map[string]time.Duration{
		"eu-west": 3 * time.Millisecond,
		"us-east": 1 * time.Millisecond,
		"ap-south": 5 * time.Millisecond,
	}
	r := first("SELECT 1", replicas)
	fmt.Println("winner:", r.replica)
	fmt.Println(r.body)
}
