// expect: ok outcomes "loads: 2\n"
//
// A lazy per-key loader: sync.Map.LoadOrStore installs one *entry per key,
// and the entry's sync.Once runs the expensive load exactly once even when
// several goroutines ask for the same key at the same time.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type entry struct {
	once sync.Once
	val  string
}

type Loader struct {
	m     sync.Map
	loads atomic.Int32
}

func (l *Loader) Get(key string) string {
	e, _ := l.m.LoadOrStore(key, &entry{})
	ent := e.(*entry)
	ent.once.Do(func() {
		l.loads.Add(1)
		ent.val = "value-of-" + key
	})
	return ent.val
}

func main() {
	var l Loader
	var wg sync.WaitGroup
	for _, k := range []string{"a", "a", "b"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			if l.Get(k) != "value-of-"+k {
				panic("wrong value")
			}
		}(k)
	}
	wg.Wait()
	fmt.Println("loads:", l.loads.Load())
}
