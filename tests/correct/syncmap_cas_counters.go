// expect: ok
//
// sync.Map used as a counter table with LoadOrStore and CompareAndSwap
// (Go 1.20) retry loops, so concurrent increments are never lost.
package main

import (
	"fmt"
	"sync"
)

func incr(m *sync.Map, k string) {
	for {
		v, loaded := m.LoadOrStore(k, 1)
		if !loaded {
			return
		}
		if m.CompareAndSwap(k, v, v.(int)+1) {
			return
		}
	}
}

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			incr(&m, "hits")
		}()
	}
	wg.Wait()
	v, _ := m.Load("hits")
	fmt.Println(v)
}
