// expect: livelock
//
// A consumer loop meant to stop when the done channel closes uses a bare
// `break` inside the select: it leaves the select, not the for loop, so
// once done is closed the loop spins forever on the closed channel and
// wg.Wait in main never returns. (A labelled break, `break loop`, is the
// fix: tests/correct/select_labels_goto_typeswitch.go.)
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) spins forever with a CPU busy: no goroutine blocks, so the
// runtime reports nothing.)
package main

import (
	"fmt"
	"sync"
)

func consume(jobs <-chan int, done <-chan struct{}, wg *sync.WaitGroup, total *int) {
	defer wg.Done()
	for {
		select {
		case j := <-jobs:
			*total += j
		case <-done:
			break // BUG: breaks the select only
		}
	}
}

func main() {
	jobs := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup
	total := 0
	wg.Add(1)
	go consume(jobs, done, &wg, &total)
	for i := 1; i <= 2; i++ {
		jobs <- i
	}
	close(done)
	wg.Wait()
	fmt.Println(total)
}
