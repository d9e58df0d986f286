// expect: outcomes "0 locked: false\n1 locked: true\n2 locked: false\n"
//
// An array of Mutexes copied while locks[1] is held: cp[1] is locked and
// distinct from locks[1], which goroutines started after the copy lock and
// unlock. go run -race agrees (four runs).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var locks [3]sync.Mutex
	locks[1].Lock()
	cp := locks // an array of mutexes copied: cp[1] is locked, distinct
	locks[1].Unlock()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			locks[i].Lock()
			locks[i].Unlock()
		}(i)
	}
	wg.Wait()
	for i := range cp {
		fmt.Println(i, "locked:", !cp[i].TryLock())
	}
}
