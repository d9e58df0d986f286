// expect: ok
//
// go test's order around t.Parallel: a parallel subtest's Run returns at
// once, the subtest goes on when its parent's function has returned, and
// the parent's Cleanup runs once every parallel subtest has ended.
// (issue 15, outside check: go test -race passes it; with t.Parallel a
// no-op the subtests ran inside Run and TestOrder failed.)
package order

import (
	"sync"
	"testing"
)

func TestOrder(t *testing.T) {
	var mu sync.Mutex
	var events []string
	note := func(s string) {
		mu.Lock()
		events = append(events, s)
		mu.Unlock()
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		if len(events) != 3 || events[0] != "parent returns" {
			t.Errorf("events = %v", events)
		}
	})
	for _, name := range []string{"a", "b"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			note(name)
		})
	}
	note("parent returns")
}
