// expect: deadlock
//
// Go by Example's worker pool rewritten by a student who wanted to wait
// for the workers properly: jobs are buffered, but results is unbuffered
// and main calls wg.Wait() before reading any result. The first worker to
// finish a job blocks sending its result; main blocks in Wait: go run
// reports "all goroutines are asleep - deadlock!".
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		fmt.Println("worker", id, "started  job", j)
		time.Sleep(time.Millisecond)
		fmt.Println("worker", id, "finished job", j)
		results <- j * 2
	}
}

func main() {
	const numJobs = 5
	jobs := make(chan int, numJobs)
	results := make(chan int) // BUG: unbuffered, and read only after Wait

	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	wg.Wait()
	close(results)

	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum:", sum)
}
