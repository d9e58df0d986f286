// Package lru is a small least-recently-used cache. Get takes only the
// read lock because it "only reads", but it also moves the entry to the
// front of the recency list, which is a write.
package lru

import "sync"

type entry struct {
	key        string
	val        int
	prev, next *entry
}

type Cache struct {
	mu    sync.RWMutex
	cap   int
	items map[string]*entry
	head  *entry // most recent
	tail  *entry
}

func New(capacity int) *Cache {
	return &Cache{cap: capacity, items: make(map[string]*entry)}
}

func (c *Cache) unlink(e *entry) {
	if e.prev != nil {
		e.prev.next = e.next
	} else {
		c.head = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else {
		c.tail = e.prev
	}
	e.prev, e.next = nil, nil
}

func (c *Cache) pushFront(e *entry) {
	e.next = c.head
	if c.head != nil {
		c.head.prev = e
	}
	c.head = e
	if c.tail == nil {
		c.tail = e
	}
}

func (c *Cache) Get(key string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.items[key]
	if !ok {
		return 0, false
	}
	c.unlink(e)
	c.pushFront(e)
	return e.val, true
}

func (c *Cache) Put(key string, val int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.val = val
		c.unlink(e)
		c.pushFront(e)
		return
	}
	e := &entry{key: key, val: val}
	c.items[key] = e
	c.pushFront(e)
	if len(c.items) > c.cap {
		old := c.tail
		c.unlink(old)
		delete(c.items, old.key)
	}
}
