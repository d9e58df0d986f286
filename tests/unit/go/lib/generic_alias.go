// Generic type aliases (Go 1.24): an alias with type parameters, of a
// map type, of an instance of a generic struct, used in a generic
// function's signature; A[X] is the aliased type itself.
package main

import (
	"fmt"
	"sync"
)

type Set[T comparable] = map[T]struct{}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type IntPair[V any] = Pair[int, V]

type Guarded[T any] struct {
	mu sync.Mutex
	v  T
}

type Counter = Guarded[int]

func keys[T comparable](s Set[T]) int { return len(s) }

func main() {
	s := Set[string]{"a": {}, "b": {}}
	var m map[string]struct{} = s
	fmt.Println(len(m), keys(s))
	p := IntPair[string]{Key: 1, Val: "x"}
	var q Pair[int, string] = p
	fmt.Printf("%v %T\n", q, p)
	var c Counter
	c.mu.Lock()
	c.v++
	c.mu.Unlock()
	fmt.Println(c.v)
}
