// expect: deadlock
//
// A connection pool in the shape of database/sql's: Get waits on a
// condition variable when maxOpen connections are out. Put signals a
// waiter only when it closes a surplus connection (a slot opens under
// maxOpen), not when it puts the connection on the idle list: a Get
// waiting then sleeps on although an idle connection is there.
// (outside round 5: a bug written as engineers write it, from
// tests/correct/connpool_maxidle.go; go run (Go 1.19) reports "all
// goroutines are asleep" once the workers hold their connections a
// millisecond, so that the third Get waits.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrClosed = errors.New("pool closed")

type Conn struct {
	id     int
	closed bool
	uses   int
}

type Pool struct {
	mu       sync.Mutex
	cond     *sync.Cond
	idle     []*Conn
	numOpen  int
	maxOpen  int
	maxIdle  int
	nextID   int
	closed   bool
	opened   int
	discards int
}

func NewPool(maxOpen, maxIdle int) *Pool {
	p := &Pool{maxOpen: maxOpen, maxIdle: maxIdle}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *Pool) Get() (*Conn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		if p.closed {
			return nil, ErrClosed
		}
		if n := len(p.idle); n > 0 {
			c := p.idle[n-1]
			p.idle = p.idle[:n-1]
			return c, nil
		}
		if p.numOpen < p.maxOpen {
			p.numOpen++
			p.nextID++
			p.opened++
			return &Conn{id: p.nextID}, nil
		}
		p.cond.Wait()
	}
}

func (p *Pool) Put(c *Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || len(p.idle) >= p.maxIdle {
		c.closed = true
		p.numOpen--
		p.discards++
		p.cond.Signal() // a slot under maxOpen
	} else {
		p.idle = append(p.idle, c) // BUG: no Signal here
	}
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	for _, c := range p.idle {
		c.closed = true
		p.numOpen--
	}
	p.idle = nil
	p.mu.Unlock()
	p.cond.Broadcast()
}

func (p *Pool) Stats() (open, idle int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.numOpen, len(p.idle)
}

func main() {
	p := NewPool(2, 2)
	var wg sync.WaitGroup
	var mu sync.Mutex
	served := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, err := p.Get()
			if err != nil {
				panic(err)
			}
			c.uses++
			mu.Lock()
			served++
			mu.Unlock()
			p.Put(c)
		}(i)
	}
	wg.Wait()
	open, idle := p.Stats()
	if open > 2 || idle > 2 || open < idle {
		panic(fmt.Sprintf("bad stats open=%d idle=%d", open, idle))
	}
	p.Close()
	if _, err := p.Get(); !errors.Is(err, ErrClosed) {
		panic("Get after Close")
	}
	open, idle = p.Stats()
	fmt.Println("served", served, "open after close", open, "idle", idle)
}
