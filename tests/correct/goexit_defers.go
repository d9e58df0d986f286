// expect: ok outcomes "done abandoned done\n"
//
// A worker that gives up with runtime.Goexit still runs its defers (Done,
// Unlock); a recovered panic re-raised as an error value.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Job struct {
	ID   int
	Fail bool
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	status := map[int]string{}
	for _, j := range []Job{{1, false}, {2, true}, {3, false}} {
		wg.Add(1)
		go func(j Job) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					status[j.ID] = fmt.Sprint("recovered: ", r)
					mu.Unlock()
				}
			}()
			mu.Lock()
			defer mu.Unlock()
			if j.Fail {
				status[j.ID] = "abandoned"
				runtime.Goexit()
			}
			status[j.ID] = "done"
		}(j)
	}
	wg.Wait()
	fmt.Println(status[1], status[2], status[3])
}
