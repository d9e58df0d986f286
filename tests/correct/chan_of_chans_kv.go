// expect: ok outcomes "get a=1 b=2 c=0 size=2\n"
//
// A key-value store owned by one goroutine: requests carry their reply
// channel (a chan chan for reads, a struct with an ack channel for
// writes), so the map needs no lock.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
)

type setReq struct {
	key string
	val int
	ack chan struct{}
}

type getReq struct {
	key   string
	reply chan int
}

type Store struct {
	sets  chan setReq
	gets  chan getReq
	sizes chan chan int
	quit  chan struct{}
}

func NewStore() *Store {
	s := &Store{
		sets:  make(chan setReq),
		gets:  make(chan getReq),
		sizes: make(chan chan int),
		quit:  make(chan struct{}),
	}
	go s.loop()
	return s
}

func (s *Store) loop() {
	m := map[string]int{}
	for {
		select {
		case r := <-s.sets:
			m[r.key] = r.val
			close(r.ack)
		case r := <-s.gets:
			r.reply <- m[r.key]
		case c := <-s.sizes:
			c <- len(m)
		case <-s.quit:
			return
		}
	}
}

func (s *Store) Set(k string, v int) {
	ack := make(chan struct{})
	s.sets <- setReq{k, v, ack}
	<-ack
}

func (s *Store) Get(k string) int {
	r := make(chan int, 1)
	s.gets <- getReq{k, r}
	return <-r
}

func (s *Store) Size() int {
	c := make(chan int)
	s.sizes <- c
	return <-c
}

func main() {
	s := NewStore()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); s.Set("a", 1) }()
	go func() { defer wg.Done(); s.Set("b", 2) }()
	wg.Wait()
	fmt.Printf("get a=%d b=%d c=%d size=%d\n", s.Get("a"), s.Get("b"), s.Get("c"), s.Size())
	close(s.quit)
}
