// expect: ok outcomes "3 0\n"
//
// A single-owner key-value server: all state lives in one goroutine, and
// clients send it generic requests that carry their own reply channel.
// Stop closes the request channel and waits for the server to exit.
// (outside round 3: a correct program written as engineers write it; go run
// -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report nothing and
// print the output above.)
package main

import (
	"fmt"
	"sync"
)

type Request[K comparable, V any] struct {
	Key   K
	Val   V
	Put   bool
	Reply chan V
}

type Server[K comparable, V any] struct {
	reqs chan Request[K, V]
	done chan struct{}
}

func Serve[K comparable, V any]() *Server[K, V] {
	s := &Server[K, V]{reqs: make(chan Request[K, V]), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		m := map[K]V{}
		for r := range s.reqs {
			if r.Put {
				m[r.Key] = r.Val
			}
			r.Reply <- m[r.Key]
		}
	}()
	return s
}

func (s *Server[K, V]) Put(k K, v V) {
	r := Request[K, V]{Key: k, Val: v, Put: true, Reply: make(chan V, 1)}
	s.reqs <- r
	<-r.Reply
}

func (s *Server[K, V]) Get(k K) V {
	r := Request[K, V]{Key: k, Reply: make(chan V, 1)}
	s.reqs <- r
	return <-r.Reply
}

func (s *Server[K, V]) Stop() {
	close(s.reqs)
	<-s.done
}

func main() {
	s := Serve[string, int]()
	var wg sync.WaitGroup
	for i, k := range []string{"x", "y"} {
		wg.Add(1)
		go func(k string, v int) {
			defer wg.Done()
			s.Put(k, v)
		}(k, i+1)
	}
	wg.Wait()
	fmt.Println(s.Get("x")+s.Get("y"), s.Get("z"))
	s.Stop()
}
