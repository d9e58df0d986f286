// expect: livelock
//
// main polls a flag under a mutex (lock, read, unlock, repeat) that the
// worker never sets: it only prints under the mutex. A Lock and an
// Unlock with only reads between leave the mutex as it was, so main
// waits for a write of what it read; once the worker has ended no task
// is left to write it: a livelock at the Lock (before, every iteration
// counted as an effect: 73 executions in 10 s, 1e18 left).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	done := false
	go func() {
		mu.Lock()
		fmt.Println("worker")
		mu.Unlock()
	}()
	for {
		mu.Lock()
		d := done
		mu.Unlock()
		if d {
			break
		}
	}
	fmt.Println("ok")
}
