// expect: ok outcomes "popped 3\n[a b c]\nid-001,id-003\n[2 4 1] id-007=[2 4 1]\n"
//
// Generic containers and helpers as a codebase grows them: a locked
// Stack[T], Keys over any map type, a Number-constrained Sum, a Stringer
// constraint, and a generic parallel Map with an index-preserving result.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Stack[T any] struct {
	mu    sync.Mutex
	items []T
}

func (s *Stack[T]) Push(v T) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, v)
}

func (s *Stack[T]) Pop() (T, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Keys[M ~map[K]V, K Ordered, V any](m M) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

type Named interface {
	comparable
	fmt.Stringer
}

type ID int

func (i ID) String() string { return fmt.Sprintf("id-%03d", int(i)) }

func JoinNames[T Named](xs []T, skip T) string {
	var parts []string
	for _, x := range xs {
		if x != skip {
			parts = append(parts, x.String())
		}
	}
	return strings.Join(parts, ",")
}

func ParallelMap[T, R any](in []T, f func(T) R) []R {
	out := make([]R, len(in))
	var wg sync.WaitGroup
	for i := range in {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out[i] = f(in[i])
		}(i)
	}
	wg.Wait()
	return out
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Scores map[string]int

func main() {
	var s Stack[Pair[string, int]]
	var wg sync.WaitGroup
	for i, w := range []string{"x", "y", "z"} {
		wg.Add(1)
		go func(i int, w string) {
			defer wg.Done()
			s.Push(Pair[string, int]{w, i})
		}(i, w)
	}
	wg.Wait()
	n := 0
	for {
		if _, ok := s.Pop(); !ok {
			break
		}
		n++
	}
	fmt.Println("popped", n)
	fmt.Println(Keys(Scores{"b": 2, "a": 1, "c": 3}))
	fmt.Println(JoinNames([]ID{1, 2, 3}, 2))
	lens := ParallelMap([]string{"go", "weft", "x"}, func(s string) int { return len(s) })
	fmt.Println(lens, Pair[ID, []int]{7, lens})
}
