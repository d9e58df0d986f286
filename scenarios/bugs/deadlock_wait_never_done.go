// expect: deadlock
//
// A WaitGroup counts three workers but only two call Done.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
}
