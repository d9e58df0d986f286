// expect: ok outcomes "fast fast\n"
//
// Readers wait for a configuration newer than the one they have, on a
// sync.Cond whose Locker is the RWMutex's read side (RLocker): waiting
// readers hold only read locks, the publisher takes the write lock to
// bump the version and broadcasts after unlocking. Each reader re-checks
// its predicate in a loop.
// (outside round 3: a correct program written as engineers write it; go run
// -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report nothing and
// print the output above.)
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	mu      sync.RWMutex
	changed *sync.Cond
	version int
	values  map[string]string
}

func NewConfig() *Config {
	c := &Config{values: map[string]string{}}
	c.changed = sync.NewCond(c.mu.RLocker())
	return c
}

func (c *Config) Publish(k, v string) {
	c.mu.Lock()
	c.values[k] = v
	c.version++
	c.mu.Unlock()
	c.changed.Broadcast()
}

// WaitNewer blocks until the version is above seen and returns it with
// the value of k.
func (c *Config) WaitNewer(seen int, k string) (int, string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for c.version <= seen {
		c.changed.Wait()
	}
	return c.version, c.values[k]
}

func main() {
	c := NewConfig()
	var wg sync.WaitGroup
	got := make([]string, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, v := c.WaitNewer(0, "mode")
			got[i] = v
		}(i)
	}
	c.Publish("mode", "fast")
	wg.Wait()
	fmt.Println(got[0], got[1])
}
