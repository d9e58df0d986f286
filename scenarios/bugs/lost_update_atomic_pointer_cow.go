// expect: outcomes "routes: 2\n" "routes: 1\n"
//
// Copy-on-write routes behind an atomic.Pointer: readers Load without
// locks, but the two writers each Load, copy, add their route and Store
// without a compare-and-swap or a writers' mutex, so one writer's route
// can be lost. No data race: the bug shows in the output.
// (outside round 4: a bug written as engineers write it; go run -race
// prints "routes: 2" in most runs; "routes: 1" is reachable.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Routes map[string]string

var table atomic.Pointer[Routes]

func addRoute(path, backend string) {
	old := table.Load()
	next := make(Routes, len(*old)+1)
	for k, v := range *old {
		next[k] = v
	}
	next[path] = backend
	table.Store(&next)
}

func main() {
	empty := Routes{}
	table.Store(&empty)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); addRoute("/api", "api:8080") }()
	go func() { defer wg.Done(); addRoute("/static", "cdn:80") }()
	wg.Wait()
	fmt.Println("routes:", len(*table.Load()))
}
