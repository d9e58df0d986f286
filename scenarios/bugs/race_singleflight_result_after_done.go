// expect: race
//
// A hand-written singleflight: the leader marks the call done and
// removes it from the map, then stores the result; duplicates waiting
// on the WaitGroup read the result fields that the leader writes after
// their Wait returned.
// (outside round 4: a bug written as engineers write it; go run -race
// reports the race on c.val.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type call struct {
	wg  sync.WaitGroup
	val string
	err error
}

type Group struct {
	mu sync.Mutex
	m  map[string]*call
}

func (g *Group) Do(key string, fn func() (string, error)) (string, error) {
	g.mu.Lock()
	if g.m == nil {
		g.m = make(map[string]*call)
	}
	if c, ok := g.m[key]; ok {
		g.mu.Unlock()
		c.wg.Wait()
		return c.val, c.err
	}
	c := new(call)
	c.wg.Add(1)
	g.m[key] = c
	g.mu.Unlock()

	v, err := fn()
	c.wg.Done()
	g.mu.Lock()
	delete(g.m, key)
	g.mu.Unlock()
	c.val, c.err = v, err
	return v, err
}

func main() {
	var g Group
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _ := g.Do("user:7", func() (string, error) {
				time.Sleep(time.Millisecond)
				return "alice", nil
			})
			_ = v
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
