// expect: ok
//
// A textbook worker pool: two workers range over a buffered jobs
// channel, send to a buffered results channel and call Done; a goroutine
// closes results after the WaitGroup's Wait, main sums them. A send and
// a receive on a buffer holding an item, with room left, commute, as do
// the close of jobs and a receive that finds an item, and the workers'
// receives that find jobs closed and drained: the search completes (54
// executions, one per trace: which worker took each job, and the orders
// of the results that agree with it; 108 when the last receives were
// ordered; 2,700 when the close conflicted with the receives; 176,236
// when every channel op conflicted with every other).
package main

import (
	"fmt"
	"sync"
)

func worker(jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan int, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 2; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for j := 1; j <= 4; j++ {
		jobs <- j
	}
	close(jobs)
	go func() { wg.Wait(); close(results) }()
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(sum)
}
