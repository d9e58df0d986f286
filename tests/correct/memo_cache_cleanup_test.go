// expect: ok
// weft: --max-executions 300
//
// A concurrent non-blocking memo (The Go Programming Language 9.7, memo4:
// a mutex and a ready channel per entry) and its tests: a sequential
// test, a concurrent one with subtests started in parallel that share the
// memo through the parent (the parent's cleanup checks the call count
// after every subtest has finished), and an Example.
package memo

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

type entry struct {
	res   int
	ready chan struct{}
}

type Memo struct {
	f     func(string) int
	mu    sync.Mutex
	cache map[string]*entry
}

func New(f func(string) int) *Memo {
	return &Memo{f: f, cache: make(map[string]*entry)}
}

func (m *Memo) Get(key string) int {
	m.mu.Lock()
	e := m.cache[key]
	if e == nil {
		e = &entry{ready: make(chan struct{})}
		m.cache[key] = e
		m.mu.Unlock()
		e.res = m.f(key)
		close(e.ready)
	} else {
		m.mu.Unlock()
		<-e.ready
	}
	return e.res
}

func countingLen(calls *int32) func(string) int {
	return func(s string) int {
		atomic.AddInt32(calls, 1)
		return len(s)
	}
}

func TestSequential(t *testing.T) {
	var calls int32
	m := New(countingLen(&calls))
	for _, k := range []string{"go", "go", "gopher"} {
		if got := m.Get(k); got != len(k) {
			t.Fatalf("Get(%q) = %d", k, got)
		}
	}
	if calls != 2 {
		t.Errorf("calls = %d, want 2", calls)
	}
}

func TestConcurrent(t *testing.T) {
	var calls int32
	m := New(countingLen(&calls))
	t.Cleanup(func() {
		if n := atomic.LoadInt32(&calls); n != 2 {
			t.Errorf("calls = %d, want 2", n)
		}
	})
	for _, k := range []string{"alpha", "beta", "alpha"} {
		k := k
		t.Run(k, func(t *testing.T) {
			t.Parallel()
			if got := m.Get(k); got != len(k) {
				t.Errorf("Get(%q) = %d", k, got)
			}
		})
	}
}

func ExampleMemo_Get() {
	m := New(func(s string) int { return len(s) * 2 })
	var wg sync.WaitGroup
	results := make([]int, 3)
	for i, k := range []string{"a", "bb", "a"} {
		wg.Add(1)
		go func(i int, k string) {
			defer wg.Done()
			results[i] = m.Get(k)
		}(i, k)
	}
	wg.Wait()
	fmt.Println(results)
	// Output:
	// [2 4 2]
}
