// expect: deadlock
//
// A worker that stops "when the context is cancelled", started with
// context.Background(): its Done channel is nil, so the worker's
// <-ctx.Done() never returns, and the shutdown code waits for it.
// (outside round 3: a bug written as engineers write it; go run (without
// -race) reports "all goroutines are asleep" in 12 of 12 runs; with -race
// the binary hangs instead (the race runtime keeps Go from seeing the
// deadlock).)
package main

import (
	"context"
	"fmt"
	"sync"
)

type Flusher struct {
	mu      sync.Mutex
	pending []string
}

func (f *Flusher) Run(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ctx.Done()
	f.mu.Lock()
	fmt.Println("flushing", len(f.pending))
	f.mu.Unlock()
}

func main() {
	f := &Flusher{}
	var wg sync.WaitGroup
	wg.Add(1)
	go f.Run(context.Background(), &wg)
	f.mu.Lock()
	f.pending = append(f.pending, "a", "b")
	f.mu.Unlock()
	wg.Wait()
}
