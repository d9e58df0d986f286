// expect: race
//
// Hot-reloadable limits behind an atomic.Pointer: readers Load the
// current config, but the admin path "updates" it by loading the pointer
// and assigning a field of the shared struct, instead of storing a fresh
// copy. The atomic pointer orders nothing for the fields it points to
// once they are written in place.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Limits struct {
	MaxConns int
	Burst    int
}

var current atomic.Pointer[Limits]

func admit(active int) bool {
	l := current.Load()
	return active < l.MaxConns
}

func setMaxConns(n int) {
	l := current.Load()
	l.MaxConns = n // should be: c := *l; c.MaxConns = n; current.Store(&c)
}

func main() {
	current.Store(&Limits{MaxConns: 2, Burst: 1})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		setMaxConns(10)
	}()
	admitted := 0
	go func() {
		defer wg.Done()
		for a := 0; a < 3; a++ {
			if admit(a) {
				admitted++
			}
		}
	}()
	wg.Wait()
	fmt.Println(admitted >= 2)
}
