// expect: deadlock
//
// Bounded parallelism with a channel semaphore; the skip path returns
// without releasing its slot, so the last jobs wait for a slot forever.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

func process(files []string, limit int) int {
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for _, f := range files {
		wg.Add(1)
		go func(f string) {
			defer wg.Done()
			sem <- struct{}{}
			if strings.HasPrefix(f, ".") {
				return // BUG: the slot is never released
			}
			mu.Lock()
			n++
			mu.Unlock()
			<-sem
		}(f)
	}
	wg.Wait()
	return n
}

func main() {
	fmt.Println(process([]string{".git", "a.go", ".cache", "b.go"}, 2))
}
