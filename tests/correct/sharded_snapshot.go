// expect: ok outcomes "keys=4 total=8\n"
//
// A sharded counter map: each key hashes to one of 8 shards with its own
// mutex; Snapshot locks every shard in index order, so it never meets a
// writer in a lock cycle (writers hold one shard at a time).
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"hash/fnv"
	"sync"
)

const shardCount = 8

type shard struct {
	sync.Mutex
	m map[string]int
}

type Counters struct {
	shards [shardCount]*shard
}

func NewCounters() *Counters {
	c := &Counters{}
	for i := range c.shards {
		c.shards[i] = &shard{m: make(map[string]int)}
	}
	return c
}

func (c *Counters) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return c.shards[h.Sum32()%shardCount]
}

func (c *Counters) Add(key string, n int) {
	s := c.shardFor(key)
	s.Lock()
	s.m[key] += n
	s.Unlock()
}

func (c *Counters) Snapshot() map[string]int {
	for _, s := range c.shards {
		s.Lock()
	}
	out := make(map[string]int)
	for _, s := range c.shards {
		for k, v := range s.m {
			out[k] = v
		}
	}
	for i := len(c.shards) - 1; i >= 0; i-- {
		c.shards[i].Unlock()
	}
	return out
}

func main() {
	c := NewCounters()
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 4; i++ {
				c.Add(fmt.Sprintf("k%d", i), 1)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = c.Snapshot()
	}()
	wg.Wait()
	snap := c.Snapshot()
	total := 0
	for _, v := range snap {
		total += v
	}
	fmt.Printf("keys=%d total=%d\n", len(snap), total)
}
