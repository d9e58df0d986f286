// expect: ok
//
// A connection pool in the shape of database/sql's: at most maxOpen
// connections exist, at most maxIdle are kept when returned; Get waits
// on a condition variable when the pool is exhausted, Put hands the
// connection back (or closes it when the idle list is full) and wakes a
// waiter, Close wakes everyone and fails later Gets.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
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
	} else {
		p.idle = append(p.idle, c)
	}
	// One connection's worth of room appeared: either an idle conn or
	// a free slot under maxOpen.
	p.cond.Signal()
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
	p := NewPool(2, 1)
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
	if open > 2 || idle > 1 || open < idle {
		panic(fmt.Sprintf("bad stats open=%d idle=%d", open, idle))
	}
	p.Close()
	if _, err := p.Get(); !errors.Is(err, ErrClosed) {
		panic("Get after Close")
	}
	open, idle = p.Stats()
	fmt.Println("served", served, "open after close", open, "idle", idle)
}
