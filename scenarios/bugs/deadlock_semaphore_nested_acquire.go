// expect: deadlock
//
// A bounded directory walker: every directory visit takes a slot of a
// two-slot semaphore and keeps it while visiting its subdirectories,
// which take slots too. With two top-level walks each holding a slot,
// their nested visits wait for a slot that will never be released.
// (outside round 3: a bug written as engineers write it; go run shows no
// deadlock in 24 runs (a narrow window); with a sleep after the outer visit,
// Go reports "all goroutines are asleep".)
package main

import (
	"fmt"
	"sync"
)

var tree = map[string][]string{
	"/a": {"/a/x"},
	"/b": {"/b/y"},
}

var sem = make(chan struct{}, 2)

func walk(dir string, visit func(string)) {
	sem <- struct{}{}
	defer func() { <-sem }()
	visit(dir)
	for _, sub := range tree[dir] {
		walk(sub, visit)
	}
}

func main() {
	var mu sync.Mutex
	var seen []string
	visit := func(d string) {
		mu.Lock()
		seen = append(seen, d)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for _, root := range []string{"/a", "/b"} {
		wg.Add(1)
		go func(r string) {
			defer wg.Done()
			walk(r, visit)
		}(root)
	}
	wg.Wait()
	fmt.Println(len(seen))
}
