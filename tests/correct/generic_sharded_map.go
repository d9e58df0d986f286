// expect: ok outcomes "keys=6 sum=60\n"
//
// A generic sharded map: each shard has its own mutex, a key's shard is
// chosen by a hash function given at construction.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"sync"
)

type shard[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

type Sharded[K comparable, V any] struct {
	shards []*shard[K, V]
	hash   func(K) int
}

func New[K comparable, V any](n int, hash func(K) int) *Sharded[K, V] {
	s := &Sharded[K, V]{hash: hash}
	for i := 0; i < n; i++ {
		s.shards = append(s.shards, &shard[K, V]{m: make(map[K]V)})
	}
	return s
}

func (s *Sharded[K, V]) Update(k K, f func(V) V) {
	sh := s.shards[s.hash(k)%len(s.shards)]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.m[k] = f(sh.m[k])
}

func (s *Sharded[K, V]) Each(f func(K, V)) {
	for _, sh := range s.shards {
		sh.mu.Lock()
		for k, v := range sh.m {
			f(k, v)
		}
		sh.mu.Unlock()
	}
}

func main() {
	m := New[string, int](3, func(s string) int { return len(s) + int(s[0]) })
	keys := []string{"a", "bb", "ccc", "d", "ee", "fff"}
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, k := range keys {
				m.Update(k, func(v int) int { return v + 5 })
			}
		}()
	}
	wg.Wait()
	n, sum := 0, 0
	m.Each(func(k string, v int) { n++; sum += v })
	fmt.Printf("keys=%d sum=%d\n", n, sum)
}
