// expect: ok
//
// A generic key-value store guarded by a RWMutex embedded by value in a
// struct used through a pointer; readers take RLock and never call back
// into a method that locks again.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Store[K comparable, V any] struct {
	sync.RWMutex
	m map[K]V
}

func NewStore[K comparable, V any]() *Store[K, V] {
	return &Store[K, V]{m: make(map[K]V)}
}

func (s *Store[K, V]) Put(k K, v V) {
	s.Lock()
	defer s.Unlock()
	s.m[k] = v
}

func (s *Store[K, V]) Get(k K) (V, bool) {
	s.RLock()
	defer s.RUnlock()
	v, ok := s.m[k]
	return v, ok
}

func (s *Store[K, V]) Keys() []K {
	s.RLock()
	defer s.RUnlock()
	ks := make([]K, 0, len(s.m))
	for k := range s.m {
		ks = append(ks, k)
	}
	return ks
}

func main() {
	s := NewStore[string, int]()
	var wg sync.WaitGroup
	for i, k := range []string{"x", "y"} {
		wg.Add(2)
		go func(k string, i int) { defer wg.Done(); s.Put(k, i) }(k, i)
		go func(k string) { defer wg.Done(); s.Get(k) }(k)
	}
	wg.Wait()
	ks := s.Keys()
	sort.Strings(ks)
	fmt.Println(ks)
}
