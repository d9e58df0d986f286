// expect: race
//
// A singleflight whose leader deletes its call from the map without the
// lock, while another caller looks the key up under it: a concurrent map
// read and write.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type call struct {
	done chan struct{}
	val  int
}

type Group struct {
	mu    sync.Mutex
	calls map[string]*call
}

func (g *Group) Do(key string, fn func() int) int {
	g.mu.Lock()
	if c, ok := g.calls[key]; ok {
		g.mu.Unlock()
		<-c.done
		return c.val
	}
	c := &call{done: make(chan struct{})}
	g.calls[key] = c
	g.mu.Unlock()

	c.val = fn()
	close(c.done)
	delete(g.calls, key) // BUG: map written without g.mu
	return c.val
}

func main() {
	g := &Group{calls: map[string]*call{}}
	var wg sync.WaitGroup
	sum := make([]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sum[i] = g.Do("k", func() int { return 7 })
		}(i)
	}
	wg.Wait()
	fmt.Println(sum[0] + sum[1])
}
