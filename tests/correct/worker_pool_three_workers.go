// expect: ok
//
// Three workers, three jobs on a buffered channel, results on another,
// collected by count (each worker exits when jobs is closed and
// drained). The search completes (2,088 executions; 35,640 when every
// channel op conflicted with every other).
package main

import "fmt"

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * id
	}
}

func main() {
	jobs := make(chan int, 3)
	results := make(chan int, 3)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 3; j++ {
		jobs <- j
	}
	close(jobs)
	n := 0
	for a := 1; a <= 3; a++ {
		n += <-results
	}
	fmt.Println(n > 0)
}
