// expect: outcomes "0 1 2 3\n"
//
// A range with the index alone reads no element ("the range loop produces
// iteration values from 0 up to len(a)-1 and does not index into the array
// or slice itself", the Go spec): ranging over a slice whose elements
// another goroutine writes under a lock is no race, as under go run -race.
package main

import (
	"fmt"
	"sync"
)

func main() {
	s := make([]int, 4)
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		s[0] = 1
		s[3] = 1
		mu.Unlock()
	}()
	var idx []interface{}
	for i := range s {
		idx = append(idx, i)
	}
	wg.Wait()
	fmt.Println(idx...)
}
