// expect: ok
//
// A loop that sleeps in short steps until time.Since passes a bound ends:
// a sleep shorter than 1 ms ends early (weft's strict time takes it as a
// scheduling point) but the clock still moves past it, so the loop's
// condition turns false after 20 turns, whatever the other goroutine does.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	ticks := 0
	done := make(chan bool)
	go func() {
		start := time.Now()
		for time.Since(start) < 20*time.Millisecond {
			mu.Lock()
			ticks++
			mu.Unlock()
			time.Sleep(100 * time.Microsecond)
		}
		done <- true
	}()
	<-done
	mu.Lock()
	fmt.Println(ticks >= 1)
	mu.Unlock()
}
