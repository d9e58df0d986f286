// fmt_panic: as Go's fmt (catchPanic), a String or Error method that
// panics prints %!v(PANIC=String method: its value), or <nil> for a nil
// pointer receiver; a method on a nil pointer receiver is called (it may
// not panic); %d and %x of a pointer print its address as a number.
package main

import (
	"errors"
	"fmt"
)

type R struct{ s string }

func (r *R) String() string { return "rws" }

type P struct{ s *string }

func (p *P) String() string { return *p.s }

type E struct{}

func (E) Error() string { panic(errors.New("boom")) }

type V struct{}

func (V) String() string { return "v" }

func main() {
	var r *R
	fmt.Printf("%s %v %#v|%d\n", r, r, r, r)
	var p *P
	fmt.Println(p, &P{})
	fmt.Printf("%v|%s\n", E{}, E{})
	var v *V
	fmt.Println(v)
	fmt.Println(fmt.Sprint(&P{}) + "!")
}

func init() {
	var q *int
	x := new(int)
	fmt.Printf("%d %x %X %o %b|%t\n", q, q, q, q, q, fmt.Sprintf("%x", x) == fmt.Sprintf("%p", x)[2:])
}
