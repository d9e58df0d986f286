// expect: ok outcomes "8000\n"
//
// A long computation over snapshots of a shared struct: each copy reads
// X and Y, one step each, at one instruction. The state between the two
// reads differs only in how far the copy has got, which the livelock
// check must see, or it proves a cycle of one step that is not there.
// (issue 15, outside check: a struct copy now reads every field.)
package main

import (
	"fmt"
	"sync"
)

type Point struct{ X, Y int }

type Tracker struct {
	mu  sync.Mutex
	pos Point
}

func (t *Tracker) Move(dx int) {
	t.mu.Lock()
	t.pos.X += dx
	t.mu.Unlock()
}

func main() {
	t := &Tracker{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.Move(1)
	}()
	<-done
	// a long computation over snapshots of the shared position: each copy
	// reads X and Y, one step each
	sum := 0
	for i := 0; i < 8000; i++ {
		p := t.pos
		sum += p.X + p.Y
	}
	fmt.Println(sum)
}
