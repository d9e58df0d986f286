// expect: ok
//
// A loading cache that deduplicates concurrent loads of one key (the
// first caller loads, the others wait on its entry's ready channel),
// tested with table-driven parallel subtests that share one cache, and
// a test that checks the loader ran once per key under concurrency.
// go test -race passes them, and so must every interleaving.
// (outside round 5: a correct program written as engineers write it;
// go test -race passes it.)
package dedup

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

type entry struct {
	ready chan struct{}
	val   string
	err   error
}

type Cache struct {
	mu      sync.Mutex
	entries map[string]*entry
	load    func(string) (string, error)
}

func New(load func(string) (string, error)) *Cache {
	return &Cache{entries: map[string]*entry{}, load: load}
}

func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.mu.Unlock()
		<-e.ready
		return e.val, e.err
	}
	e := &entry{ready: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()

	e.val, e.err = c.load(key)
	if e.err != nil {
		c.mu.Lock()
		delete(c.entries, key) // do not cache failures
		c.mu.Unlock()
	}
	close(e.ready)
	return e.val, e.err
}

var errNotFound = errors.New("not found")

func upper(key string) (string, error) {
	if strings.HasPrefix(key, "missing") {
		return "", fmt.Errorf("load %q: %w", key, errNotFound)
	}
	return strings.ToUpper(key), nil
}

func TestGetTable(t *testing.T) {
	c := New(upper)
	tests := []struct {
		name, key, want string
		wantErr         error
	}{
		{"same key", "abc", "ABC", nil},
		{"missing", "missing-1", "", errNotFound},
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.Get(tc.key)
			if !errors.Is(err, tc.wantErr) || got != tc.want {
				t.Errorf("Get(%q) = %q, %v; want %q, %v", tc.key, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestLoadsOncePerKey(t *testing.T) {
	var mu sync.Mutex
	loads := map[string]int{}
	c := New(func(k string) (string, error) {
		mu.Lock()
		loads[k]++
		mu.Unlock()
		return upper(k)
	})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, _ := c.Get("k"); v != "K" {
				t.Errorf("got %q", v)
			}
		}()
	}
	wg.Wait()
	if loads["k"] != 1 {
		t.Fatalf("loader ran %d times for one key", loads["k"])
	}
}
