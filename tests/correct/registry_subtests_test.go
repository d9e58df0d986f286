// expect: ok
// weft: --max-executions 2000
//
// Table-driven subtests over a concurrent registry, parallel subtests,
// Cleanup to stop a background janitor, a t.Helper assertion.
// (issue 15, outside check: a correct test file; go test -race passes it.)
package registry

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

type Registry struct {
	mu    sync.Mutex
	items map[string]time.Time
	stop  chan struct{}
	done  chan struct{}
}

func NewRegistry() *Registry {
	r := &Registry{items: map[string]time.Time{}, stop: make(chan struct{}), done: make(chan struct{})}
	go r.janitor()
	return r
}

func (r *Registry) janitor() {
	defer close(r.done)
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			r.mu.Lock()
			for k, exp := range r.items {
				if time.Now().After(exp) {
					delete(r.items, k)
				}
			}
			r.mu.Unlock()
		case <-r.stop:
			return
		}
	}
}

func (r *Registry) Close() { close(r.stop); <-r.done }

func (r *Registry) Put(k string, ttl time.Duration) {
	r.mu.Lock()
	r.items[k] = time.Now().Add(ttl)
	r.mu.Unlock()
}

func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.items)
}

func expectLen(t *testing.T, r *Registry, want int) {
	t.Helper()
	if got := r.Len(); got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
}

func TestRegistry(t *testing.T) {
	cases := []struct {
		name string
		n    int
	}{{"one", 1}, {"three", 3}}
	for _, tc := range cases {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := NewRegistry()
			t.Cleanup(r.Close)
			var wg sync.WaitGroup
			for i := 0; i < tc.n; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					r.Put(fmt.Sprint(tc.name, i), time.Hour)
				}(i)
			}
			wg.Wait()
			expectLen(t, r, tc.n)
		})
	}
}

func TestExpiry(t *testing.T) {
	r := NewRegistry()
	defer r.Close()
	r.Put("short", 5*time.Millisecond)
	r.Put("long", time.Hour)
	time.Sleep(30 * time.Millisecond)
	expectLen(t, r, 1)
}
