// Types declared inside a generic function (Go's unified IR, as
// typeparam/nested.go): each instantiation of the function has its own,
// named after their number among the package's local types and the
// function's type arguments (then their own, after a semicolon).
package main

import (
	"fmt"
	"reflect"
)

type Box[X any] struct{ v X }

func (b Box[X]) Get() X { return b.v }

type Getter[X any] interface{ Get() X }

func F[A any](a A) (any, any) {
	type P int
	type L[B any] struct {
		Box[A]
		b B
	}
	type Q P
	l := L[P]{Box[A]{a}, 7}
	var g Getter[A] = l // promoted through the embedded Box[A]
	fmt.Printf("%T %T %T %v %v\n", l, Box[L[int]]{}, Q(0), g.Get(), l.b)
	func() {
		type R int
		fmt.Printf("%T\n", R(0))
	}()
	return P(0), L[int]{}
}

type S[X any] struct{}

func (S[X]) M() any {
	type T struct{ x X }
	return T{}
}

func main() {
	p1, l1 := F[int](3)
	p2, l2 := F[string]("s")
	p3, l3 := F[int](4)
	fmt.Println(p1 == p2, p1 == p3, l1 == l2, l1 == l3)
	fmt.Println(reflect.TypeOf(l1) == reflect.TypeOf(l3), reflect.TypeOf(p1) == reflect.TypeOf(p2))
	m1, m2 := S[int]{}.M(), S[bool]{}.M()
	fmt.Printf("%T %T %v\n", m1, m2, m1 == m2)
}
