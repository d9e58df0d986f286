// expect: ok
//
// A daemon's main loop: workers consume jobs until a shutdown signal
// (an os.Signal arriving on a channel registered with signal.Notify,
// here sent by the program itself as a test harness would) or until the
// job source is exhausted. On either, main cancels the context, waits
// for the workers, and calls signal.Stop.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

func worker(ctx context.Context, id int, jobs <-chan int, done *sync.WaitGroup, handled *[]int, mu *sync.Mutex) {
	defer done.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			mu.Lock()
			*handled = append(*handled, j)
			mu.Unlock()
		}
	}
}

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, os.Interrupt)
	defer signal.Stop(sigs)

	ctx, cancel := context.WithCancel(context.Background())
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var handled []int
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go worker(ctx, i, jobs, &wg, &handled, &mu)
	}
	go func() {
		defer close(jobs)
		for j := 0; j < 2; j++ {
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	// The "operator" stops us after a while.
	timer := time.AfterFunc(time.Second, func() { sigs <- syscall.SIGTERM })
	defer timer.Stop()

	select {
	case s := <-sigs:
		fmt.Println("signal:", s)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("idle timeout")
	}
	cancel()
	wg.Wait()
	mu.Lock()
	fmt.Println("handled at most 2:", len(handled) <= 2)
	mu.Unlock()
}
