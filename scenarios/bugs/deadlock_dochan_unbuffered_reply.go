// expect: deadlock
//
// A singleflight DoChan that hands each caller an unbuffered channel and
// delivers the results while holding the group's lock. A caller that
// times out stops reading its channel: the leader blocks in the send
// with the lock held, and the next caller of DoChan blocks on the lock.
// (outside round 4: a bug written as engineers write it; go run -race
// reports "all goroutines are asleep - deadlock!".)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Result struct {
	Val string
	Err error
}

type call struct{ chans []chan Result }

type Group struct {
	mu sync.Mutex
	m  map[string]*call
}

func (g *Group) DoChan(key string, fn func() (string, error)) <-chan Result {
	ch := make(chan Result)
	g.mu.Lock()
	if g.m == nil {
		g.m = map[string]*call{}
	}
	if c, ok := g.m[key]; ok {
		c.chans = append(c.chans, ch)
		g.mu.Unlock()
		return ch
	}
	c := &call{chans: []chan Result{ch}}
	g.m[key] = c
	g.mu.Unlock()
	go func() {
		v, err := fn()
		g.mu.Lock()
		defer g.mu.Unlock()
		delete(g.m, key)
		for _, ch := range c.chans {
			ch <- Result{v, err}
		}
	}()
	return ch
}

func main() {
	var g Group
	slow := func() (string, error) {
		time.Sleep(20 * time.Millisecond)
		return "v1", nil
	}
	select {
	case r := <-g.DoChan("k", slow):
		fmt.Println(r.Val)
	case <-time.After(5 * time.Millisecond):
		fmt.Println("timed out")
	}
	time.Sleep(30 * time.Millisecond)
	r := <-g.DoChan("k", slow)
	fmt.Println(r.Val)
}
