// expect: ok outcomes "true 3\n"
//
// A connection pool: a buffered channel of tokens bounds the number of
// open connections, idle connections are kept in a slice under a mutex,
// and Put returns the connection to the idle list before releasing its
// token. Get blocks on the token channel when the pool is exhausted.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
)

type Conn struct {
	id   int
	uses int
}

type Pool struct {
	tokens chan struct{}
	mu     sync.Mutex
	idle   []*Conn
	opened int
}

func NewPool(max int) *Pool {
	return &Pool{tokens: make(chan struct{}, max)}
}

func (p *Pool) Get() *Conn {
	p.tokens <- struct{}{}
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		return c
	}
	p.opened++
	return &Conn{id: p.opened}
}

func (p *Pool) Put(c *Conn) {
	p.mu.Lock()
	p.idle = append(p.idle, c)
	p.mu.Unlock()
	<-p.tokens
}

func main() {
	p := NewPool(2)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := p.Get()
			c.uses++
			p.Put(c)
		}()
	}
	wg.Wait()
	uses := 0
	for _, c := range p.idle {
		uses += c.uses
	}
	fmt.Println(p.opened <= 2, uses)
}
