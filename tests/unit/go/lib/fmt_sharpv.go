// fmt_sharpv: %#v as Go's fmt prints it: an integer in decimal when
// signed and in 0x-hex when unsigned, never with its type's name; a
// pointer to a struct, array, slice or map at the top as & and the
// %#v of what it points to; a nil operand under a verb other than %v
// and %T is a bad verb, %!s(<nil>).
package main

import "fmt"

type Int int
type U uint8
type F float64
type S struct {
	a int
	u U
}

func main() {
	fmt.Printf("%#v %#v %#v %#v %#v\n", Int(-3), U(3), F(2), S{1, 10}, uint(255))
	fmt.Printf("%s|%d|%v|%x|%T\n", nil, nil, nil, nil, nil)
	fmt.Printf("%#v %#v %#v %#v\n", &S{1, 2}, &[]int{1}, &map[int]Int{1: 2},
		&[2]U{1, 2})
	var p *S
	fmt.Printf("%#v %v\n", p, p)
}
