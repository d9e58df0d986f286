// expect: ok outcomes "len 2 2\n"
//
// An LRU cache on container/list under a mutex, hit concurrently.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"container/list"
	"fmt"
	"sync"
)

type entry struct {
	key string
	val int
}

type LRU struct {
	mu    sync.Mutex
	cap   int
	ll    *list.List
	items map[string]*list.Element
}

func NewLRU(n int) *LRU {
	return &LRU{cap: n, ll: list.New(), items: map[string]*list.Element{}}
}

func (c *LRU) Get(k string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*entry).val, true
	}
	return 0, false
}

func (c *LRU) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).val = v
		c.ll.MoveToFront(e)
		return
	}
	c.items[k] = c.ll.PushFront(&entry{k, v})
	if c.ll.Len() > c.cap {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.items, old.Value.(*entry).key)
	}
}

func main() {
	c := NewLRU(2)
	var wg sync.WaitGroup
	for i, k := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func(k string, v int) {
			defer wg.Done()
			c.Put(k, v)
			c.Get("a")
		}(k, i)
	}
	wg.Wait()
	fmt.Println("len", c.ll.Len(), len(c.items))
}
