// expect: ok
//
// A poller checks a flag under the lock every millisecond until the
// worker, after its computation, sets it; then it reads the result under
// the same lock. Every access is ordered by the mutex, whenever the
// sleeps end: go run -race: no race (nine runs, GOMAXPROCS 1, 2, 4).
package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	mu     sync.Mutex
	done   bool
	result int
}

func (j *job) run(n int) {
	h := 0
	for i := 0; i < n; i++ {
		h += i % 3
	}
	j.mu.Lock()
	j.result = h
	j.done = true
	j.mu.Unlock()
}

func (j *job) wait() int {
	for {
		j.mu.Lock()
		if j.done {
			r := j.result
			j.mu.Unlock()
			return r
		}
		j.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

func main() {
	j := &job{}
	go j.run(30000)
	fmt.Println(j.wait())
}
