// expect: ok outcomes "[1 4 6 8 9 16] 44 3.75\n"
// weft: --max-executions 2000
//
// Generic channel helpers as a utilities package would have them:
// Generate, Map, Filter and Merge[T] with a done channel, composed into a
// pipeline; every stage stops when done is closed.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"strconv"
	"sync"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Generate[T any](done <-chan struct{}, xs ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, x := range xs {
			select {
			case out <- x:
			case <-done:
				return
			}
		}
	}()
	return out
}

func Map[T, U any](done <-chan struct{}, in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for x := range in {
			select {
			case out <- f(x):
			case <-done:
				return
			}
		}
	}()
	return out
}

func Filter[T any](done <-chan struct{}, in <-chan T, keep func(T) bool) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for x := range in {
			if !keep(x) {
				continue
			}
			select {
			case out <- x:
			case <-done:
				return
			}
		}
	}()
	return out
}

func Merge[T any](done <-chan struct{}, cs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan T) {
			defer wg.Done()
			for x := range c {
				select {
				case out <- x:
				case <-done:
					return
				}
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Celsius float64

func main() {
	done := make(chan struct{})
	defer close(done)
	a := Map(done, Generate(done, 1, 2, 3, 4), func(i int) int { return i * i })
	b := Filter(done, Generate(done, 5, 6, 7, 8), func(i int) bool { return i%2 == 0 })
	var got []int
	for x := range Merge(done, a, b) {
		got = append(got, x)
	}
	sort.Ints(got)
	strs := make([]string, len(got))
	for i, x := range got {
		strs[i] = strconv.Itoa(x)
	}
	fmt.Println(strs, Sum(got), Sum([]Celsius{1.5, 2.25}))
}
