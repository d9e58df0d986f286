// Arguments of a call through an interface take the method's parameter
// types as in a static call: nil for a []byte or map parameter is a nil
// of that type (append and len take it), an untyped constant for a
// float64 or a named integer parameter has that type inside.
package main

import "fmt"

type Kind int

type Summer interface {
	Sum(b []byte) []byte
	Scale(f float64, k Kind) string
	Count(m map[string]int) int
}

type impl struct{}

func (impl) Sum(in []byte) []byte { return append(in, 1, 2) }

func (impl) Scale(f float64, k Kind) string { return fmt.Sprintf("%T %v %T %v", f, f/2, k, k) }

func (impl) Count(m map[string]int) int { return len(m) }

func main() {
	var s Summer = impl{}
	fmt.Println(s.Sum(nil), s.Sum([]byte{9}))
	fmt.Println(s.Scale(3, 7))
	fmt.Println(s.Count(nil))
}
