// expect: outcomes "p.in locked: true\n"
//
// A struct field holding a Mutex, copied while locked (p.in = o.in): the
// copy stays locked when the original is unlocked and locked again by a
// goroutine started after the copy. go run -race agrees (four runs).
package main

import (
	"fmt"
	"sync"
)

type inner struct {
	mu sync.Mutex
	v  int
}

type outer struct {
	in inner
}

func main() {
	var o outer
	o.in.mu.Lock()
	var p outer
	p.in = o.in // field copy while locked
	o.in.mu.Unlock()
	done := make(chan bool)
	go func() {
		o.in.mu.Lock()
		o.in.v++
		o.in.mu.Unlock()
		done <- true
	}()
	<-done
	fmt.Println("p.in locked:", !p.in.mu.TryLock())
}
