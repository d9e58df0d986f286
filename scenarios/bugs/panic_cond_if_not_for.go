// expect: panic
//
// Take waits with if instead of for: woken, it may find the queue emptied
// by the other taker and index an empty slice.
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"sync"
)

type Jobs struct {
	mu    sync.Mutex
	cond  *sync.Cond
	queue []string
}

func (j *Jobs) Add(s string) {
	j.mu.Lock()
	j.queue = append(j.queue, s)
	j.mu.Unlock()
	j.cond.Signal()
}

func (j *Jobs) Take() string {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.queue) == 0 { // BUG: if instead of for; another taker may empty the queue first
		j.cond.Wait()
	}
	s := j.queue[0]
	j.queue = j.queue[1:]
	return s
}

func main() {
	j := &Jobs{}
	j.cond = sync.NewCond(&j.mu)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("took", j.Take())
		}()
	}
	j.Add("a")
	j.Add("b")
	wg.Wait()
}
