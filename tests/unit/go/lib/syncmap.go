// sync.Map used by three goroutines at once: it is synchronised, so no
// interleaving races; then its newer methods one by one.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Store(i, i*i)
			if v, loaded := m.LoadOrStore("shared", i); loaded {
				_ = v
			}
			m.Load(0)
		}()
	}
	wg.Wait()
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v != nil))
		return true
	})
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	fmt.Println(keys)
	v, ok := m.Load(2)
	fmt.Println(v, ok)
	prev, loaded := m.Swap(2, "two")
	fmt.Println(prev, loaded, m.CompareAndSwap(2, "two", "TWO"), m.CompareAndSwap(2, "two", "x"))
	v, _ = m.Load(2)
	fmt.Println(v, m.CompareAndDelete(1, 99), m.CompareAndDelete(1, 1))
	v, loaded = m.LoadAndDelete(0)
	fmt.Println(v, loaded)
	m.Delete("shared")
	m.Clear()
	_, ok = m.Load(2)
	fmt.Println(ok)

}
