// expect: ok
//
// An LRU cache with expiry: reads take the RWMutex for reading (an
// expired entry is reported missing; removing it is left to the
// janitor), writes take it for writing and move the entry to the front
// of a container/list. A janitor goroutine sweeps expired entries on a
// ticker; Close stops it and waits, and is safe to call twice.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"container/list"
	"fmt"
	"sync"
	"time"
)

type entry struct {
	key     string
	val     int
	expires time.Time
}

type Cache struct {
	mu      sync.RWMutex
	ll      *list.List
	items   map[string]*list.Element
	cap     int
	ttl     time.Duration
	stop    chan struct{}
	stopped sync.Once
	done    chan struct{}
	swept   int
}

func New(capacity int, ttl, sweep time.Duration) *Cache {
	c := &Cache{ll: list.New(), items: map[string]*list.Element{}, cap: capacity,
		ttl: ttl, stop: make(chan struct{}), done: make(chan struct{})}
	go c.janitor(sweep)
	return c
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	el, ok := c.items[k]
	if !ok {
		return 0, false
	}
	e := el.Value.(*entry)
	if time.Now().After(e.expires) {
		return 0, false
	}
	return e.val, true
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	exp := time.Now().Add(c.ttl)
	if el, ok := c.items[k]; ok {
		e := el.Value.(*entry)
		e.val, e.expires = v, exp
		c.ll.MoveToFront(el)
		return
	}
	c.items[k] = c.ll.PushFront(&entry{k, v, exp})
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}

func (c *Cache) janitor(every time.Duration) {
	defer close(c.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-t.C:
			c.mu.Lock()
			for el := c.ll.Back(); el != nil; {
				prev := el.Prev()
				if e := el.Value.(*entry); now.After(e.expires) {
					c.ll.Remove(el)
					delete(c.items, e.key)
					c.swept++
				}
				el = prev
			}
			c.mu.Unlock()
		}
	}
}

func (c *Cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.ll.Len()
}

func (c *Cache) Close() {
	c.stopped.Do(func() { close(c.stop) })
	<-c.done
}

func main() {
	c := New(2, 30*time.Millisecond, 20*time.Millisecond)
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			c.Set(k, len(k))
			c.Get(k)
		}(k)
	}
	wg.Wait()
	if c.Len() > 2 {
		panic("over capacity")
	}
	time.Sleep(100 * time.Millisecond)
	_, ok := c.Get("c")
	c.Close()
	c.Close()
	fmt.Println("expired:", !ok, "len:", c.Len())
}
