// expect: ok
// weft: --max-executions 300
//
// Concurrency in Go, chapter 5, replicated requests, from memory: the same
// request goes to several handlers; the first answer wins and closing done
// tells the others to stop. Each handler selects on done both while
// "working" (a timer) and when sending its answer, and the result channel
// is read once, so no handler is left blocked: a WaitGroup proves it.
package main

import (
	"fmt"
	"sync"
	"time"
)

type answer struct {
	id     int
	result string
}

func doWork(done <-chan struct{}, id int, latency time.Duration, wg *sync.WaitGroup, result chan<- answer) {
	defer wg.Done()
	started := time.Now()
	t := time.NewTimer(latency)
	defer t.Stop()
	select {
	case <-done:
		return
	case <-t.C:
	}
	select {
	case <-done:
	case result <- answer{id, fmt.Sprintf("took %v", time.Since(started) >= latency)}:
	}
}

func main() {
	latencies := []time.Duration{
		9 * time.Millisecond,
		3 * time.Millisecond,
		7 * time.Millisecond,
		20 * time.Millisecond,
		1 * time.Millisecond,
	}
	for round := 0; round < 2; round++ {
		done := make(chan struct{})
		result := make(chan answer)
		var wg sync.WaitGroup
		wg.Add(len(latencies))
		for i, l := range latencies {
			go doWork(done, i, l, &wg, result)
		}
		first := <-result
		close(done)
		wg.Wait()
		fmt.Printf("round %d: handler %d answered first (%s)\n", round, first.id, first.result)
		// the fastest handler gets slower for the next round
		latencies[4] = 50 * time.Millisecond
	}
}
