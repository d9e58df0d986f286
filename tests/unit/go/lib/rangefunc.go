// Range over functions (Go 1.23 iterators): the one-, two- and zero-value
// forms, break / continue / return / labels / defer in the body with Go's
// rules, the runtime panics when an iterator calls yield after false or
// after the loop, and the iterator functions of iter, slices and maps.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func seq(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("seq", n, "done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(n int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i, i*i) {
				return
			}
		}
	}
}

func nested() (int, string) {
	for i := range seq(3) {
		for j := range seq(3) {
			if i == 1 && j == 2 {
				return i*10 + j, "found"
			}
		}
	}
	return -1, "none"
}

func named() (r int) {
	defer func() { r *= 2 }()
	for i := range seq(5) {
		r += i
		if i == 3 {
			return
		}
	}
	return 100
}

func deferred() {
	for i := range seq(3) {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("end of deferred")
}

func labeled() {
outer:
	for i := range 3 {
		for j := range seq(3) {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println("ij", i, j)
		}
	}
	fmt.Println("labeled done")
L:
	for i := range seq(4) {
		for j, v := range pairs(4) {
			if v == 4 {
				continue L
			}
			if i == 2 {
				break L
			}
			fmt.Println("L", i, j, v)
		}
	}
}

func bad() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var saved func(int) bool
	for x := range func(yield func(int) bool) {
		saved = yield
		yield(1)
		yield(2)
	} {
		fmt.Println("x", x)
		break
	}
	_ = saved
}

func bad2() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var saved func(int) bool
	for x := range func(yield func(int) bool) {
		saved = yield
		yield(1)
	} {
		fmt.Println("x", x)
	}
	saved(5)
}

func captures() {
	var fs []func() int
	for i := range seq(3) {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f())
	}
	fmt.Println()
	sum := 0
	for _, v := range slices.All([]int{1, 2, 3}) {
		sum += v
	}
	fmt.Println("sum", sum)
	var k, v int
	for k, v = range pairs(3) {
	}
	fmt.Println("kv", k, v)
}

func main() {
	fmt.Println(nested())
	fmt.Println(named())
	deferred()
	labeled()
	bad()
	bad2()
	captures()
	s := 0
	for range seq(2) {
		s++
	}
	fmt.Println(s)
	var z iter.Seq[int] = slices.Values([]int{4})
	fmt.Println(slices.Collect(z))
	for i, v := range slices.Backward([]string{"a", "b"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Sorted(maps.Values(m)))
	m2 := maps.Collect(maps.All(m))
	maps.Insert(m2, maps.All(map[string]int{"d": 4}))
	fmt.Println(len(m2), m2["d"], slices.AppendSeq([]int{0}, slices.Values([]int{1, 2})))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c)
	}
	fmt.Println(slices.Repeat([]int{7}, 3))
	fmt.Println(slices.SortedFunc(slices.Values([]int{1, 3, 2}), func(a, b int) int { return b - a }))
}
