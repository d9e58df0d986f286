// expect: race
//
// A generic cache whose Len skips the lock "because it only reads": the
// map's length is read while a writer inserts.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func New[K comparable, V any]() *Cache[K, V] { return &Cache[K, V]{m: make(map[K]V)} }

func (c *Cache[K, V]) Put(k K, v V) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func (c *Cache[K, V]) Len() int { return len(c.m) } // BUG: no lock

func main() {
	c := New[string, int]()
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Put("a", 1)
	}()
	fmt.Println(c.Len() <= 1)
	<-done
}
