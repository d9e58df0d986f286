// expect: ok outcomes "[1 2 3] 6\n"
//
// A lock-free Treiber stack on atomic.Pointer[node] with a CAS loop, and a
// generation counter in atomic.Uint64.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type node struct {
	val  int
	next *node
}

type Stack struct {
	head atomic.Pointer[node]
	gen  atomic.Uint64
}

func (s *Stack) Push(v int) {
	n := &node{val: v}
	for {
		old := s.head.Load()
		n.next = old
		if s.head.CompareAndSwap(old, n) {
			s.gen.Add(1)
			return
		}
	}
}

func (s *Stack) Pop() (int, bool) {
	for {
		old := s.head.Load()
		if old == nil {
			return 0, false
		}
		if s.head.CompareAndSwap(old, old.next) {
			s.gen.Add(1)
			return old.val, true
		}
	}
}

func main() {
	var s Stack
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			s.Push(v)
		}(i)
	}
	wg.Wait()
	var got []int
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got, s.gen.Load())
}
