package p

import (
	. "fmt"
	_ "sync"
)

type (
	A = B
	S struct {
		*T
		a, b [2][3]int "tag"
	}
	I interface{ M(...int) (int, error); J }
	F func(int, ...string) func() <-chan chan<- int
)

const (
	X, Y = iota, 1 << iota
	Z, W
)

func (s *S) m(a, b int, c ...S) (r int, err error) {
L:
	for i, v := range []T{{1}, {a: 2}} {
		switch x := v.(type) {
		case nil, *int, []map[string]chan int:
			fallthrough
		default:
			continue L
		}
	}
	select {
	case v, ok := <-ch:
	case ch <- 1:
	default:
	}
	if x := (T{}); x == y {
	} else if z {
	} else {
	}
	go func() { defer f(xs...) }()
	x, y = y[1:2:3], s[:]
	p := &struct{ x int }{1}
	q := (*T).m
	r := <-chan int(nil)
	goto L
	return 'a' + '\n' + "\x00" + `raw` + 0x1p-2 + 1e9 + 0b1 + 0o7 + 07
}
