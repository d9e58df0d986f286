// expect: ok outcomes "[2 2 2 2] built 1\n"
//
// Double-checked lazy initialisation done right: the fast path is an
// atomic load of a ready flag, the slow path takes the mutex and checks
// again; the value is published before the flag is set.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

type Lazy struct {
	ready atomic.Bool
	mu    sync.Mutex
	table map[string]int
	built int32
}

func (l *Lazy) get() map[string]int {
	if l.ready.Load() {
		return l.table
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.ready.Load() {
		t := make(map[string]int)
		for i, w := range strings.Fields("zero one two three") {
			t[w] = i
		}
		l.table = t
		atomic.AddInt32(&l.built, 1)
		l.ready.Store(true)
	}
	return l.table
}

func main() {
	var l Lazy
	var wg sync.WaitGroup
	got := make([]int, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = l.get()["two"]
		}(i)
	}
	wg.Wait()
	fmt.Println(got, "built", atomic.LoadInt32(&l.built))
}
