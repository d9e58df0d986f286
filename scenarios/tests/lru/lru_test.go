// expect: race panic
// weft: --preemptions 1
//
// (outside round 3: a bug written as engineers write it; go test -race
// -count=4 at GOMAXPROCS 1, 2, 4 reports the race in Get in 1 of the 3
// runs of 4, failing TestConcurrentReaders. The two Gets relink the list
// concurrently, and unlink loads e.next twice (the nil check, then the
// store through it): a racy read may observe either write, so the second
// load can see the other Get's nil and the store panics, within one
// preemption. The full search (10,525 executions, 18 s) finds nothing
// more than the bound does.)
package lru

import "testing"

func TestEviction(t *testing.T) {
	c := New(2)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Get("a")
	c.Put("c", 3)
	if _, ok := c.Get("b"); ok {
		t.Error("b should have been evicted")
	}
}

func TestConcurrentReaders(t *testing.T) {
	c := New(4)
	c.Put("x", 1)
	c.Put("y", 2)
	for _, k := range []string{"x", "y"} {
		k := k
		t.Run(k, func(t *testing.T) {
			t.Parallel()
			if v, ok := c.Get(k); !ok || v == 0 {
				t.Errorf("Get(%q) = %d, %v", k, v, ok)
			}
		})
	}
}
