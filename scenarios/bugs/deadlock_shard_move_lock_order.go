// expect: deadlock
//
// A sharded map's Move locks the source key's shard, then the
// destination's. Two moves between keys in different shards, in
// opposite directions, each hold one shard and wait for the other.
// (outside round 4: a bug written as engineers write it; go run -race
// hangs in some runs, "all goroutines are asleep - deadlock!".)
package main

import (
	"fmt"
	"sync"
)

type shard struct {
	mu sync.Mutex
	m  map[string]int
}

type Map struct{ shards [4]*shard }

func (m *Map) shardOf(key string) *shard {
	var h uint32 = 2166136261
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return m.shards[h%4]
}

func (m *Map) Move(from, to string) {
	src, dst := m.shardOf(from), m.shardOf(to)
	src.mu.Lock()
	defer src.mu.Unlock()
	if src != dst {
		dst.mu.Lock()
		defer dst.mu.Unlock()
	}
	dst.m[to] += src.m[from]
	delete(src.m, from)
}

func main() {
	m := &Map{}
	for i := range m.shards {
		m.shards[i] = &shard{m: map[string]int{}}
	}
	// find two keys in different shards
	a, b := "k0", ""
	for i := 1; b == ""; i++ {
		k := fmt.Sprint("k", i)
		if m.shardOf(k) != m.shardOf(a) {
			b = k
		}
	}
	m.shardOf(a).m[a] = 1
	m.shardOf(b).m[b] = 2
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); m.Move(a, b) }()
	go func() { defer wg.Done(); m.Move(b, a) }()
	wg.Wait()
	fmt.Println("moved")
}
