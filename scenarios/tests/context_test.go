// Context in tests: workers that stop on <-ctx.Done() leave nothing
// behind (a goroutine still blocked when a test returns would fail it,
// as goleak does), and a timeout fires on virtual time.
package ctxtest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestWorkersStopOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-ctx.Done():
					return
				case results <- id*100 + n:
				}
			}
		}(i)
	}
	for i := 0; i < 3; i++ {
		<-results
	}
	cancel()
	wg.Wait()
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatalf("err = %v", ctx.Err())
	}
}

func TestTimeoutOnVirtualTime(t *testing.T) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	slow := make(chan int, 1)
	go func() {
		time.Sleep(time.Second)
		slow <- 1
	}()
	select {
	case <-slow:
		t.Fatal("the slow call won the race with its timeout")
	case <-ctx.Done():
	}
	if ctx.Err() != context.DeadlineExceeded {
		t.Errorf("err = %v", ctx.Err())
	}
	if d := time.Since(start); d != 50*time.Millisecond {
		t.Errorf("timed out after %v, want 50ms", d)
	}
	// time stops when the test returns: a goroutine still sleeping then
	// would be blocked forever, a leak (as goleak reports it)
	<-slow
}
