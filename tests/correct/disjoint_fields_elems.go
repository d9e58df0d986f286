// expect: ok
//
// Goroutines that write disjoint parts of shared memory, which Go's race
// detector does not flag: distinct fields of one struct, distinct
// elements of an array and of a slice, and concurrent reads of a map no
// one writes; joined by a WaitGroup before main reads them.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	reads, writes int
	names         [2]string
}

func main() {
	var s stats
	grid := make([][3]int, 2)
	lookup := map[string]int{"a": 1, "b": 2}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.reads = lookup["a"]
		s.names[0] = "r"
		grid[0][1] = 5
	}()
	go func() {
		defer wg.Done()
		s.writes = lookup["b"] + len(lookup)
		s.names[1] = "w"
		grid[1][2] = 7
	}()
	wg.Wait()
	fmt.Println(s.reads, s.writes, s.names, grid)
}
