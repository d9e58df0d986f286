// expect: panic
//
// Done called once too often: "sync: negative WaitGroup counter".
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Done()
	}()
	wg.Done()
	wg.Wait()
}
