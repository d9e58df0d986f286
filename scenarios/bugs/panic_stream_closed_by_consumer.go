// expect: race panic
//
// An event stream: the producer sends until ctx is cancelled, selecting
// on the send and ctx.Done. The consumer, when it is done, cancels and
// then "cleans up" by closing the events channel it does not own. If the
// producer is at its select when both cases are ready, Go may pick the
// send, which panics on the closed channel.
// (outside round 3: a bug written as engineers write it; go run -race x12:
// "send on closed channel" in 3 runs and a race report in 4; without -race
// the panic in 5 of 12.)
package main

import (
	"context"
	"fmt"
	"sync"
)

func produce(ctx context.Context, events chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case events <- i:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go produce(ctx, events, &wg)
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-events
	}
	cancel()
	close(events)
	wg.Wait()
	fmt.Println(sum)
}
