// fmt's explicit argument indexes ("%[n]d", Go's argNumber) and %#v of
// nil pointers, as Go 1.19 prints them.
package main

import "fmt"

type T struct{ a int }

func main() {
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%[3]*.[2]*[1]f|\n", 12.0, 2, 6)
	fmt.Printf("%d %d %#[1]x %#x\n", 16, 17)
	fmt.Printf("%[5]d\n", 1, 2)
	fmt.Printf("%[-1]d %[x]d %[2]3d\n", 1, 2)
	fmt.Printf("%[1]d %d\n", 1, 2, 3)
	fmt.Printf("%.[2]d|%[1]T\n", 7, 8)
	fmt.Printf("%[3]v %[1]v %v\n", 1, 2, 3)
	fmt.Printf("%.*d|%*d|\n", "x", 3, 4, 5)
	var p *T
	var q *int
	fmt.Printf("%#v %#v %#v\n", p, q, []*int{nil})
	fmt.Printf("%#v\n", struct{ P *T }{})
}
