// expect: ok outcomes "hits=2 loads=2\n"
//
// A read-through cache whose entries expire after a TTL: concurrent misses
// on a key share one load (a per-key in-flight entry with a done
// channel), and a read after the TTL loads again. Time is the program's
// clock, so the expiry is exact.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type entry struct {
	done    chan struct{}
	val     string
	err     error
	expires time.Time
}

type Cache struct {
	mu    sync.Mutex
	ttl   time.Duration
	items map[string]*entry
	load  func(string) (string, error)

	statsMu     sync.Mutex
	hits, loads int
}

func NewCache(ttl time.Duration, load func(string) (string, error)) *Cache {
	return &Cache{ttl: ttl, items: make(map[string]*entry), load: load}
}

func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	e, ok := c.items[key]
	if ok {
		select {
		case <-e.done:
			if time.Now().Before(e.expires) && e.err == nil {
				c.mu.Unlock()
				c.count(true)
				return e.val, nil
			}
			// expired or failed: fall through and reload
		default:
			c.mu.Unlock()
			<-e.done
			c.count(true)
			return e.val, e.err
		}
	}
	e = &entry{done: make(chan struct{})}
	c.items[key] = e
	c.mu.Unlock()

	c.count(false)
	v, err := c.load(key)
	c.mu.Lock()
	e.val, e.err = v, err
	e.expires = time.Now().Add(c.ttl)
	c.mu.Unlock()
	close(e.done)
	return v, err
}

func (c *Cache) count(hit bool) {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	if hit {
		c.hits++
	} else {
		c.loads++
	}
}

func main() {
	c := NewCache(50*time.Millisecond, func(k string) (string, error) {
		time.Sleep(5 * time.Millisecond)
		return "value of " + k, nil
	})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get("user:1"); err != nil {
				panic(err)
			}
		}()
	}
	wg.Wait()
	// The first Get above may be the loader; all three finished within the TTL.
	time.Sleep(100 * time.Millisecond)
	if _, err := c.Get("user:1"); err != nil {
		panic(err)
	}
	c.statsMu.Lock()
	fmt.Printf("hits=%d loads=%d\n", c.hits, c.loads)
	c.statsMu.Unlock()
}
