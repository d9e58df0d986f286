// expect: deadlock
//
// A concurrent non-blocking memo in the style of The Go Programming
// Language 9.7 (memo4: mutex plus a ready channel per entry). The function
// being memoized computes a dependency graph and calls memo.Get for the
// keys it depends on; "config" depends (through "env") on itself, so the
// computation of "config" waits on its own ready channel, which only it
// could close. go run: all goroutines are asleep - deadlock.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type entry struct {
	res   string
	ready chan struct{}
}

type Memo struct {
	f     func(m *Memo, key string) string
	mu    sync.Mutex
	cache map[string]*entry
}

func New(f func(m *Memo, key string) string) *Memo {
	return &Memo{f: f, cache: make(map[string]*entry)}
}

func (memo *Memo) Get(key string) string {
	memo.mu.Lock()
	e := memo.cache[key]
	if e == nil {
		// First request for this key: this goroutine computes it.
		e = &entry{ready: make(chan struct{})}
		memo.cache[key] = e
		memo.mu.Unlock()
		e.res = memo.f(memo, key)
		close(e.ready)
	} else {
		memo.mu.Unlock()
		<-e.ready // wait for the computation
	}
	return e.res
}

var deps = map[string][]string{
	"app":    {"config", "db"},
	"db":     {"config"},
	"config": {"env"},
	"env":    {"config"}, // BUG: a cycle the resolver does not detect
}

func resolve(m *Memo, key string) string {
	parts := []string{key}
	for _, d := range deps[key] {
		parts = append(parts, m.Get(d))
	}
	return strings.Join(parts, "<")
}

func main() {
	m := New(resolve)
	var wg sync.WaitGroup
	out := make([]string, 2)
	for i, k := range []string{"app", "db"} {
		wg.Add(1)
		go func(i int, k string) {
			defer wg.Done()
			out[i] = m.Get(k)
		}(i, k)
	}
	wg.Wait()
	fmt.Println(out)
}
