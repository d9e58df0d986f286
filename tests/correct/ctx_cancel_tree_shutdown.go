// expect: ok outcomes "true true\n"
//
// A service with a context tree: the root context is cancelled on
// shutdown, each subsystem derives its own context carrying its name as a
// value, and its workers stop when they see ctx.Done. Shutdown waits for
// every worker before returning.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type ctxKey string

type Service struct {
	wg     sync.WaitGroup
	mu     sync.Mutex
	ticks  map[string]int
	cancel context.CancelFunc
}

func (s *Service) startSubsystem(parent context.Context, name string, every time.Duration) {
	ctx, cancel := context.WithCancel(context.WithValue(parent, ctxKey("subsystem"), name))
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer cancel()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				s.mu.Lock()
				s.ticks[ctx.Value(ctxKey("subsystem")).(string)]++
				s.mu.Unlock()
			}
		}
	}()
}

func main() {
	root, cancel := context.WithCancel(context.Background())
	s := &Service{ticks: map[string]int{}, cancel: cancel}
	s.startSubsystem(root, "gc", 10*time.Millisecond)
	s.startSubsystem(root, "metrics", 25*time.Millisecond)
	time.Sleep(60 * time.Millisecond)
	s.cancel()
	s.wg.Wait()
	s.mu.Lock()
	fmt.Println(s.ticks["gc"] > 0, s.ticks["metrics"] > 0)
	s.mu.Unlock()
}
