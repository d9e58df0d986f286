// expect: deadlock
//
// A read lock taken again while holding it: if a writer arrives in
// between, Go's RWMutex makes the second RLock wait behind the writer,
// which waits for the first RLock: a deadlock Go's own documentation
// warns about.
package main

import "sync"

func main() {
	var mu sync.RWMutex
	done := make(chan bool)
	mu.RLock()
	go func() {
		mu.Lock() // a writer arrives
		mu.Unlock()
		done <- true
	}()
	mu.RLock() // recursive read lock
	mu.RUnlock()
	mu.RUnlock()
	<-done
}
