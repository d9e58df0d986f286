// expect: ok
//
// testing/synctest (Go 1.25) as its documentation uses it: a cache entry
// expires after a second of fake time; synctest.Wait lets the expiry
// goroutine run to its block before the test looks, and a context with a
// timeout is not done a nanosecond early. go test passes it (Go 1.25),
// and so must every interleaving.
package cache

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

type Cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *Cache) Put(k, v string, ttl time.Duration) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
	time.AfterFunc(ttl, func() {
		c.mu.Lock()
		delete(c.m, k)
		c.mu.Unlock()
	})
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func TestExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := &Cache{m: map[string]string{}}
		c.Put("k", "v", time.Second)
		time.Sleep(time.Second - time.Millisecond)
		synctest.Wait()
		if _, ok := c.Get("k"); !ok {
			t.Fatal("expired early")
		}
		time.Sleep(time.Millisecond)
		synctest.Wait()
		if _, ok := c.Get("k"); ok {
			t.Fatal("not expired")
		}
	})
}

func TestContextTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		time.Sleep(5*time.Second - time.Nanosecond)
		synctest.Wait()
		if ctx.Err() != nil {
			t.Fatal("done before its deadline")
		}
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if ctx.Err() != context.DeadlineExceeded {
			t.Fatal("not done at its deadline")
		}
	})
}

// Wait returns once the other goroutines are blocked: the worker has
// taken the job and blocks on its next receive.
func TestWaitForBlocked(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		jobs := make(chan int)
		var mu sync.Mutex
		taken := 0
		go func() {
			for range jobs {
				mu.Lock()
				taken++
				mu.Unlock()
			}
		}()
		jobs <- 1
		synctest.Wait()
		mu.Lock()
		n := taken
		mu.Unlock()
		if n != 1 {
			t.Fatalf("taken = %d after Wait, want 1", n)
		}
		close(jobs)
	})
}
