// expect: ok
//
// scenarios/bugs/deadlock_wait_never_done.go fixed: Add counts exactly the
// goroutines started, before each starts.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
}
