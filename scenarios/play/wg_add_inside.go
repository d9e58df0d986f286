// play: outcome "1\n"
// expect: race panic outcomes "" "0\n" "1\n" "2\n"
//
// WaitGroup.Add inside the goroutine ("Go Concurrency Patterns",
// seeds/002, wait groups): main's Wait can pass while the counter is
// still zero because a goroutine has not called Add yet, and the result
// is read too early; and a goroutine's Add between the Done that
// released main's Wait and main's return from it makes that Wait panic
// ("WaitGroup is reused before previous Wait has returned"). Be the
// scheduler: let exactly one goroutine be counted.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i := 0; i < 2; i++ {
		go func() {
			wg.Add(1)
			defer wg.Done()
			mu.Lock()
			done++
			mu.Unlock()
		}()
	}
	wg.Wait()
	mu.Lock()
	fmt.Println(done)
	mu.Unlock()
}
