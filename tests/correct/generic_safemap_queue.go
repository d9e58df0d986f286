// expect: ok outcomes "[c=1 go=2]\n"
//
// Generic containers: a SafeMap[K, V] and a Queue[T] under a mutex, a
// generic Map helper; two goroutines count words from the queue.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type SafeMap[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func NewSafeMap[K comparable, V any]() *SafeMap[K, V] {
	return &SafeMap[K, V]{m: make(map[K]V)}
}

func (s *SafeMap[K, V]) Update(k K, f func(V) V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = f(s.m[k])
}

func (s *SafeMap[K, V]) Keys() []K {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]K, 0, len(s.m))
	for k := range s.m {
		keys = append(keys, k)
	}
	return keys
}

func (s *SafeMap[K, V]) Get(k K) V {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

type Queue[T any] struct {
	mu    sync.Mutex
	items []T
}

func (q *Queue[T]) Push(v T) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
}

func (q *Queue[T]) Pop() (T, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var zero T
	if len(q.items) == 0 {
		return zero, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func main() {
	counts := NewSafeMap[string, int]()
	var q Queue[string]
	for _, w := range []string{"go", "c", "go"} {
		q.Push(w)
	}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				w, ok := q.Pop()
				if !ok {
					return
				}
				counts.Update(w, func(n int) int { return n + 1 })
			}
		}()
	}
	wg.Wait()
	keys := counts.Keys()
	sort.Strings(keys)
	fmt.Println(Map(keys, func(k string) string { return fmt.Sprintf("%s=%d", k, counts.Get(k)) }))
}
