// fmt_gostring: %#v calls a GoStringer's GoString and prints its result
// unadorned (Go's handleMethods), a time.Time's included:
// time.Date(...) with its location; %v and %s call String or Error
// instead. A GoString with a pointer receiver is a pointer's only; an
// unexported field's is never called (fmt cannot reach it).
package main

import (
	"errors"
	"fmt"
	"time"
)

type G int

func (G) GoString() string { return "G!" }

type P struct{ x int }

func (*P) GoString() string { return "P!" }

type S struct {
	T time.Time
	D time.Duration
	g G
}

func main() {
	fmt.Printf("%#v %#v %v %#v\n", G(1), []G{1, 2}, G(3), map[string]G{"k": 4})
	fmt.Printf("%#v %#v %10.3s|\n", &P{1}, P{2}, fmt.Sprintf("%#v", G(5)))
	t := time.Date(2009, time.November, 10, 23, 4, 5, 6, time.UTC)
	fmt.Printf("%v\n%#v\n", t, t)
	fmt.Printf("%#v\n", time.Date(2020, 1, 2, 3, 4, 5, 0, time.FixedZone("X", 3600)))
	fmt.Printf("%#v\n", time.Time{})
	fmt.Printf("%v\n%#v\n", S{t, time.Second, 7}, S{t, 2 * time.Second, 8})
	fmt.Printf("%v %#v %s %v %#v\n", time.Minute, time.Minute, time.March, time.Monday, time.Monday)
	e := errors.New("boom")
	fmt.Printf("%v %#v %s\n", e, e, fmt.Errorf("w: %w", e))
}
