// expect: race
//
// Per-worker progress kept in an array of structs; each worker updates
// its own element's field, and the monitor copies the whole array without
// synchronisation: the copy reads every element's fields, racing with the
// update. go run -race: DATA RACE, 10 runs at each of GOMAXPROCS 1, 2, 4.
package main

import (
	"fmt"
	"sync"
)

type Progress struct {
	done  int
	total int
}

type Pool struct {
	workers [3]Progress
}

func main() {
	p := &Pool{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.workers[1].done++ // its own element only
	}()
	view := p.workers // BUG: a copy of every element, unsynchronised
	wg.Wait()
	fmt.Println(view[0].total)
}
