// atomic.Pointer[T] and atomic.Value.CompareAndSwap, as Go runs them: a
// zero Pointer loads nil and swaps from nil; a CAS from a stale pointer
// fails; of two goroutines swapping from the same pointer exactly one wins.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct{ name string }

func main() {
	var p atomic.Pointer[config]
	fmt.Println(p.Load() == nil)
	a, b := &config{"a"}, &config{"b"}
	fmt.Println(p.CompareAndSwap(b, a), p.Load() == nil)
	fmt.Println(p.CompareAndSwap(nil, a), p.Load().name)
	fmt.Println(p.Swap(b).name, p.Load().name)
	p.Store(nil)
	fmt.Println(p.Load() == nil, p.CompareAndSwap(nil, a))

	var wins int32
	var wg sync.WaitGroup
	old := p.Load()
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if p.CompareAndSwap(old, &config{fmt.Sprint("g", i)}) {
				atomic.AddInt32(&wins, 1)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("winners:", atomic.LoadInt32(&wins), p.Load() != old)

	var v atomic.Value
	fmt.Println(v.CompareAndSwap(nil, "x"), v.Load())
	fmt.Println(v.CompareAndSwap("y", "z"), v.CompareAndSwap("x", "z"), v.Load())
}
