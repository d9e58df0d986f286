// expect: ok outcomes "3 jobs, at most true two at once\n"
//
// A counting semaphore as a buffered channel of capacity 2; the peak of
// concurrent holders, tracked with an atomic CAS loop, never exceeds it.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Semaphore chan struct{}

func (s Semaphore) Acquire() { s <- struct{}{} }
func (s Semaphore) Release() { <-s }

func main() {
	sem := make(Semaphore, 2)
	var active, peak int32
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := map[int]bool{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			sem.Acquire()
			defer sem.Release()
			n := atomic.AddInt32(&active, 1)
			for {
				p := atomic.LoadInt32(&peak)
				if n <= p || atomic.CompareAndSwapInt32(&peak, p, n) {
					break
				}
			}
			mu.Lock()
			done[id] = true
			mu.Unlock()
			atomic.AddInt32(&active, -1)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(done), "jobs, at most", atomic.LoadInt32(&peak) <= 2, "two at once")
}
