// expect: ok
//
// Tests of a module's package: TestMain counts its set-up, parallel
// subtests share the store, a cleanup checks it afterwards.
// (outside round 3: correct tests written as engineers write them; go
// test -race -count=4 at GOMAXPROCS 1, 2, 4 passes.)
package inventory

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
)

var setups int

func TestMain(m *testing.M) {
	setups++
	os.Exit(m.Run())
}

func TestReserveConcurrent(t *testing.T) {
	s := New(map[string]int{"apple": 3})
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Reserve("apple", 1); errors.Is(err, ErrOutOfStock) {
				mu.Lock()
				failed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if failed != 1 {
		t.Fatalf("failed = %d, want 1", failed)
	}
	if got := s.Snapshot()["apple"]; got != 0 {
		t.Errorf("apple = %d, want 0", got)
	}
}

func TestItems(t *testing.T) {
	s := New(map[string]int{"pear": 2, "fig": 1})
	t.Cleanup(func() {
		if len(s.Snapshot()) != 2 {
			t.Error("items appeared")
		}
	})
	for _, item := range []string{"pear", "fig"} {
		item := item
		t.Run(item, func(t *testing.T) {
			t.Parallel()
			if err := s.Reserve(item, 1); err != nil {
				t.Fatal(err)
			}
			s.Release(item, 1)
		})
	}
}

func TestSnapshotIsACopy(t *testing.T) {
	s := New(map[string]int{"kiwi": 5})
	snap := s.Snapshot()
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Reserve("kiwi", 2)
	}()
	snap["kiwi"] = 100
	<-done
	if got := fmt.Sprint(s.Snapshot()["kiwi"]); got != "3" {
		t.Errorf("kiwi = %s, want 3", got)
	}
	if setups != 1 {
		t.Errorf("TestMain ran %d times", setups)
	}
}
