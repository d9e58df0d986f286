// expect: ok outcomes "/a  3\n/b  2\n"
//
// Per-endpoint hit counters: sync.Map of *atomic.Int64 created with
// LoadOrStore, so two goroutines racing to create one end up sharing it.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type Hits struct{ m sync.Map }

func (h *Hits) Inc(path string) {
	v, ok := h.m.Load(path)
	if !ok {
		v, _ = h.m.LoadOrStore(path, new(atomic.Int64))
	}
	v.(*atomic.Int64).Add(1)
}

func (h *Hits) Snapshot() map[string]int64 {
	out := map[string]int64{}
	h.m.Range(func(k, v any) bool {
		out[k.(string)] = v.(*atomic.Int64).Load()
		return true
	})
	return out
}

func main() {
	var h Hits
	var wg sync.WaitGroup
	reqs := [][]string{{"/a", "/b"}, {"/a"}, {"/b", "/a"}}
	for _, batch := range reqs {
		wg.Add(1)
		go func(batch []string) {
			defer wg.Done()
			for _, p := range batch {
				h.Inc(p)
			}
		}(batch)
	}
	wg.Wait()
	snap := h.Snapshot()
	keys := make([]string, 0, len(snap))
	for k := range snap {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-3s %d\n", k, snap[k])
	}
}
