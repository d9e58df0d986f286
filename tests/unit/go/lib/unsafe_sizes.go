// unsafe.Sizeof, Alignof and Offsetof: constants (an array length too), as
// gc lays values out on amd64; output checked against go1.19.
package main

import (
	"fmt"
	"unsafe"
)

type E struct{}

type S struct {
	a bool
	b int64
	c string
	d [3]int16
	e E
}

type Outer struct {
	x int8
	S
}

const n = unsafe.Sizeof(S{})

var arr [n]byte

func main() {
	var s S
	var o Outer
	var i interface{}
	fmt.Println(unsafe.Sizeof(s), unsafe.Alignof(s.d), unsafe.Offsetof(s.c), unsafe.Offsetof(s.e), len(arr))
	fmt.Println(unsafe.Sizeof(o), unsafe.Offsetof(o.c), unsafe.Offsetof(o.S), unsafe.Sizeof(i), unsafe.Sizeof([]int{}), unsafe.Sizeof(1i), unsafe.Sizeof(complex64(0)))
	fmt.Println(unsafe.Sizeof(struct{ a int32; b E }{}), unsafe.Sizeof(E{}), unsafe.Sizeof(uintptr(0)), unsafe.Alignof(complex64(0)))
	fmt.Printf("%T\n", unsafe.Sizeof(1))
}
