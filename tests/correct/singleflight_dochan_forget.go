// expect: ok
//
// Singleflight with DoChan and Forget, as golang.org/x/sync/singleflight:
// callers that share a call select on its channel against a deadline, and
// a refresher forgets the key so the next caller starts a fresh load.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Result struct {
	Val    interface{}
	Err    error
	Shared bool
}

type call struct {
	wg    sync.WaitGroup
	val   interface{}
	err   error
	dups  int
	chans []chan<- Result
}

type Group struct {
	mu sync.Mutex
	m  map[string]*call
}

func (g *Group) DoChan(key string, fn func() (interface{}, error)) <-chan Result {
	ch := make(chan Result, 1)
	g.mu.Lock()
	if g.m == nil {
		g.m = make(map[string]*call)
	}
	if c, ok := g.m[key]; ok {
		c.dups++
		c.chans = append(c.chans, ch)
		g.mu.Unlock()
		return ch
	}
	c := &call{chans: []chan<- Result{ch}}
	c.wg.Add(1)
	g.m[key] = c
	g.mu.Unlock()
	go g.doCall(c, key, fn)
	return ch
}

func (g *Group) doCall(c *call, key string, fn func() (interface{}, error)) {
	c.val, c.err = fn()
	g.mu.Lock()
	c.wg.Done()
	if g.m[key] == c {
		delete(g.m, key)
	}
	for _, ch := range c.chans {
		ch <- Result{c.val, c.err, c.dups > 0}
	}
	g.mu.Unlock()
}

func (g *Group) Forget(key string) {
	g.mu.Lock()
	delete(g.m, key)
	g.mu.Unlock()
}

func main() {
	var g Group
	var loads int32
	load := func() (interface{}, error) {
		n := atomic.AddInt32(&loads, 1)
		time.Sleep(2 * time.Millisecond)
		return fmt.Sprintf("config v%d", n), nil
	}
	var wg sync.WaitGroup
	var timeouts int32
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case r := <-g.DoChan("config", load):
				if r.Err != nil {
					panic(r.Err)
				}
			case <-time.After(time.Second):
				atomic.AddInt32(&timeouts, 1)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		g.Forget("config")
	}()
	wg.Wait()
	r := <-g.DoChan("config", load)
	fmt.Println(r.Val != nil, atomic.LoadInt32(&timeouts))
}
