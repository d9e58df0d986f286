// expect: ok outcomes "4 10\n"
//
// Workers are started with `go w.run` (a method value on a pointer
// receiver): the method value binds the pointer, so the goroutine and
// main share the same Worker and its mutex-guarded counters.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
)

type Worker struct {
	id    int
	jobs  <-chan int
	wg    *sync.WaitGroup
	mu    sync.Mutex
	done  int
	total int
}

func (w *Worker) run() {
	defer w.wg.Done()
	for j := range w.jobs {
		w.mu.Lock()
		w.done++
		w.total += j
		w.mu.Unlock()
	}
}

func (w *Worker) Stats() (int, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.done, w.total
}

func main() {
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := []*Worker{{id: 1, jobs: jobs, wg: &wg}, {id: 2, jobs: jobs, wg: &wg}}
	for _, w := range workers {
		wg.Add(1)
		start := w.run
		go start()
	}
	for j := 1; j <= 4; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	n, sum := 0, 0
	for _, w := range workers {
		d, t := w.Stats()
		n += d
		sum += t
	}
	fmt.Println(n, sum)
}
