// unsafe_view: reading a value through a pointer of another layout, as
// unsafe.Pointer conversions between layouts do (vm_view.c): a string's
// or a slice's header words (its data address, length, capacity), a
// struct read as another of the same shape, the bits of a float read as
// an integer; substrings and subslices lie inside their operand's bytes,
// an empty one keeps its operand's address (never one past the end);
// values of assignable types compare as one type (chan T and <-chan T,
// a named pointer type and its underlying one); an interface's type word
// is one per dynamic type, its data word a pointer it holds.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type T1 struct{ x, y, z int }
type T2 struct {
	a int
	_ int
	c int
}
type P *int

type eface struct {
	typ, data unsafe.Pointer
}

func typeword(v interface{}) unsafe.Pointer {
	return (*eface)(unsafe.Pointer(&v)).typ
}

var hello = "hello"

func data(s string) uintptr { return *(*uintptr)(unsafe.Pointer(&s)) }

func main() {
	s := hello
	h := *(*reflect.StringHeader)(unsafe.Pointer(&s))
	fmt.Println(h.Len, h.Data == data(hello), data(s[1:])-data(s), data(s[5:]) == data(s))
	t := string([]byte(s))
	fmt.Println(data(t) != data(s), data(s[2:4])-data(s[1:]))

	b := []int32{1, 2, 3, 4, 5}
	sh := (*reflect.SliceHeader)(unsafe.Pointer(&b))
	fmt.Println(sh.Len, sh.Cap, *(*int32)(unsafe.Pointer(sh.Data + 8)))
	c := b[5:]
	ch := (*reflect.SliceHeader)(unsafe.Pointer(&c))
	fmt.Println(ch.Len, ch.Cap, ch.Data == sh.Data)

	v := *(*T2)(unsafe.Pointer(&T1{1, 2, 3}))
	fmt.Println(v.a, v.c, v == T2{a: 1, c: 3})

	f := 1.5
	fmt.Printf("%#x\n", *(*uint64)(unsafe.Pointer(&f)))
	w := [2]uint32{0x11223344, 0x55667788}
	fmt.Printf("%#x\n", *(*uint64)(unsafe.Pointer(&w)))

	cc := make(chan int)
	var r <-chan int = cc
	var snd chan<- int = cc
	x := new(int)
	var y P = x
	fmt.Println(cc == r, snd == cc, x == y, y == x)

	var e interface{}
	fmt.Println(typeword(e) == nil, typeword(1) == typeword(2), typeword(1) != typeword("1"))
	e = x
	fmt.Println((*eface)(unsafe.Pointer(&e)).data == unsafe.Pointer(x))
}
