// expect: ok outcomes "3 web api cdn\n"
//
// A router whose routing table is replaced copy-on-write through a generic
// atomic box: readers Load the current table without locking, writers
// build a new map from the old one and CompareAndSwap it in, retrying when
// another writer got there first.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Box[T any] struct {
	p atomic.Pointer[T]
}

func NewBox[T any](v T) *Box[T] {
	b := &Box[T]{}
	b.p.Store(&v)
	return b
}

func (b *Box[T]) Load() T { return *b.p.Load() }

// Update applies f to a copy of the current value until the swap succeeds.
func (b *Box[T]) Update(f func(T) T) {
	for {
		old := b.p.Load()
		next := f(*old)
		if b.p.CompareAndSwap(old, &next) {
			return
		}
	}
}

type Routes map[string]string

func withRoute(path, backend string) func(Routes) Routes {
	return func(old Routes) Routes {
		n := make(Routes, len(old)+1)
		for k, v := range old {
			n[k] = v
		}
		n[path] = backend
		return n
	}
}

func main() {
	table := NewBox(Routes{"/": "web"})
	var wg sync.WaitGroup
	adds := [][2]string{{"/api", "api"}, {"/img", "cdn"}}
	for _, a := range adds {
		wg.Add(1)
		go func(path, backend string) {
			defer wg.Done()
			table.Update(withRoute(path, backend))
		}(a[0], a[1])
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		r := table.Load()
		if r["/"] != "web" {
			panic("lost the root route")
		}
	}()
	wg.Wait()
	r := table.Load()
	fmt.Println(len(r), r["/"], r["/api"], r["/img"])
}
