// expect: ok
// A table-driven test with subtests (t.Run) of a cache guarded by an
// RWMutex, run concurrently.
package cache

import (
	"strconv"
	"sync"
	"testing"
)

type Cache struct {
	mu    sync.RWMutex
	items map[string]int
	hits  int64
}

func New() *Cache { return &Cache{items: map[string]int{}} }

func (c *Cache) Get(k string) (v int, ok bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok = c.items[k]
	return
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.items[k] = v
	c.mu.Unlock()
}

func TestCache(t *testing.T) {
	tests := []struct {
		name    string
		writers int
		keys    []string
		want    map[string]int
	}{
		{name: "single", writers: 1, keys: []string{"a"}, want: map[string]int{"a": 0}},
		{name: "two writers", writers: 2, keys: []string{"a", "b"}, want: map[string]int{"a": 1, "b": 1}},
		{"empty", 0, nil, map[string]int{}},
	}
	for _, tt := range tests {
		tt := tt
		t.Run(tt.name, func(t *testing.T) {
			t.Helper()
			c := New()
			var wg sync.WaitGroup
			for w := 0; w < tt.writers; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for _, k := range tt.keys {
						c.Set(k, w)
					}
				}(w)
			}
			wg.Wait()
			for k := range tt.want {
				if _, ok := c.Get(k); !ok {
					t.Errorf("Get(%q): missing", k)
				}
			}
			if got := len(c.items); got != len(tt.want) {
				t.Fatalf("len = %d, want %d", got, len(tt.want))
			}
		})
	}
}

func TestParallelReaders(t *testing.T) {
	c := New()
	for i := 0; i < 3; i++ {
		c.Set(strconv.Itoa(i), i)
	}
	t.Cleanup(func() { t.Log("done") })
	done := make(chan struct{})
	for i := 0; i < 3; i++ {
		go func(i int) {
			if v, ok := c.Get(strconv.Itoa(i)); !ok || v != i {
				t.Error("bad value", v)
			}
			done <- struct{}{}
		}(i)
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	if t.Failed() {
		t.Logf("failures with %d items", len(c.items))
	}
}
