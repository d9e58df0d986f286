// expect: ok
//
// Go 1.24 and 1.25 testing as new code writes it: t.Context (canceled
// just before the cleanups run), a worker watching it, sync.WaitGroup.Go,
// and a benchmark looping with b.Loop (compiled, not run, as go test
// without -bench). go test -race passes it, and so must every
// interleaving.
package modern

import (
	"context"
	"sync"
	"testing"
)

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func TestWaitGroupGo(t *testing.T) {
	var wg sync.WaitGroup
	var c counter
	for range 3 {
		wg.Go(c.inc)
	}
	wg.Wait()
	if c.n != 3 {
		t.Fatalf("n = %d, want 3", c.n)
	}
}

func TestContextCanceledBeforeCleanup(t *testing.T) {
	ctx := t.Context()
	var tb testing.TB = t
	if ctx.Err() != nil || tb.Context() != ctx {
		t.Fatal("t.Context: canceled early, or not one context")
	}
	stopped := make(chan struct{})
	go func() {
		<-ctx.Done()
		close(stopped)
	}()
	t.Cleanup(func() {
		<-stopped
		if ctx.Err() != context.Canceled {
			t.Error("t.Context not canceled before the cleanups")
		}
	})
}

func BenchmarkInc(b *testing.B) {
	var c counter
	for b.Loop() {
		c.inc()
	}
}
