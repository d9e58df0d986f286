// expect: assert
//
// An Example of a worker pool (Go by Example's "Worker Pools") whose
// // Output: comment lists the results in job order: two workers finish
// in any order, so the results arrive in any order, and go test fails the
// Example in the runs where they do not arrive in job order. The comment
// should be an // Unordered output:. (go test -count=3000 passed it every
// time here: Go's scheduler tends to let one worker take every job, which
// nothing in Go promises.)
package workerpool

import "fmt"

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

func Example_workerPool() {
	jobs := make(chan int, 3)
	results := make(chan int, 3)
	for w := 0; w < 2; w++ {
		go worker(jobs, results)
	}
	for j := 1; j <= 3; j++ {
		jobs <- j
	}
	close(jobs)
	for i := 0; i < 3; i++ {
		fmt.Println(<-results)
	}
	// Output:
	// 2
	// 4
	// 6
}
