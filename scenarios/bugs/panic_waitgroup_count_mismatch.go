// expect: panic race
//
// The WaitGroup is sized by the jobs that pass validation, but a goroutine
// is started, and Done called, for every job: the counter goes negative.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

func valid(job string) bool { return !strings.HasPrefix(job, "#") }

func main() {
	jobs := []string{"build", "#comment", "test"}
	n := 0
	for _, j := range jobs {
		if valid(j) {
			n++
		}
	}
	var wg sync.WaitGroup
	wg.Add(n)
	var mu sync.Mutex
	var ran []string
	for _, j := range jobs {
		go func(j string) {
			defer wg.Done() // BUG: also for the jobs not counted in n
			if !valid(j) {
				return
			}
			mu.Lock()
			ran = append(ran, j)
			mu.Unlock()
		}(j)
	}
	wg.Wait()
	fmt.Println(len(ran))
}
