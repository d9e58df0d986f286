// expect: outcomes "writer in\n"
//
// An RWMutex copied while read-locked: the copy has the reader too, and
// its Lock waits for the copy's RUnlock. go run -race: writer in (four
// runs).
// (issue 15, outside round.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var a sync.RWMutex
	a.RLock()
	b := a // copied while read-locked: b has a reader too
	a.RUnlock()
	done := make(chan bool)
	go func() {
		b.Lock() // waits for b's reader, which b.RUnlock below releases
		fmt.Println("writer in")
		b.Unlock()
		done <- true
	}()
	b.RUnlock()
	<-done
}
