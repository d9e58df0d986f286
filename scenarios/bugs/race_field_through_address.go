// expect: race
//
// A goroutine writes a field through its address (&st.hits) with no lock
// while main reads the same field: a race on st.hits. Taking the address
// is not the racing access; the write through it is.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	hits int
	name string
}

func main() {
	var wg sync.WaitGroup
	st := stats{name: "cache"}
	wg.Add(1)
	go func() {
		defer wg.Done()
		p := &st.hits
		*p++
	}()
	fmt.Println(st.hits)
	wg.Wait()
}
