package counter

import (
	"sync"
	"testing"
)

// A counter in the style of a Go project's package, with its tests.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func TestConcurrentIncrements(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
	if got := c.Value(); got != 3 {
		t.Fatalf("Value() = %d, want 3", got)
	}
}

func TestSubtests(t *testing.T) {
	for _, n := range []int{1, 2} {
		t.Run("n", func(t *testing.T) {
			var c Counter
			done := make(chan bool)
			for i := 0; i < n; i++ {
				go func() {
					c.Inc()
					done <- true
				}()
			}
			for i := 0; i < n; i++ {
				<-done
			}
			if c.Value() != n {
				t.Errorf("got %d, want %d", c.Value(), n)
			}
		})
	}
}
