// reflect_structof: reflect.StructOf, ArrayOf, SliceOf, PointerTo and
// MapOf make types at run time as Go's do: equal structure gives an
// equal Type (the program's own when it has one), New and Zero make
// values of them, and StructOf checks its fields with Go's panics.
package main

import (
	"fmt"
	"reflect"
)

type P struct {
	A int
	B string `json:"b"`
}

func try(f func()) {
	defer func() { fmt.Println("panic:", recover()) }()
	f()
}

func main() {
	intT, strT := reflect.TypeOf(0), reflect.TypeOf("")
	st := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: intT},
		{Name: "B", Type: strT, Tag: `json:"b"`},
	})
	fmt.Println(st, st.Kind(), st.NumField(), st.Field(1).Name, st.Field(1).Tag.Get("json"))
	fmt.Println(st == reflect.TypeOf(struct {
		A int
		B string `json:"b"`
	}{}), st == reflect.TypeOf(P{}).Field(0).Type)
	v := reflect.New(st)
	fmt.Println(v.Type(), v.Elem().Field(0).Int(), v.Elem().Field(1).String() == "")

	big := reflect.ArrayOf(12345, reflect.PointerTo(reflect.TypeOf(byte(0))))
	fmt.Println(big, big.Len(), big == reflect.ArrayOf(12345, reflect.TypeOf((*byte)(nil))))
	nest := reflect.StructOf([]reflect.StructField{
		{Name: "F", Type: reflect.ArrayOf(3, reflect.SliceOf(reflect.TypeOf(uint64(0))))},
		{Name: "M", Type: reflect.MapOf(strT, big)},
	})
	z := reflect.Zero(nest)
	fmt.Println(nest, z.Field(0).Len(), z.Field(1).IsNil())

	blank := reflect.StructOf([]reflect.StructField{
		{Name: "_", PkgPath: "main", Type: intT},
		{Name: "_", PkgPath: "main", Type: intT},
	})
	fmt.Println(blank.NumField())
	try(func() { reflect.StructOf([]reflect.StructField{{Name: "A", Type: intT}, {Name: "A", Type: strT}}) })
	try(func() { reflect.StructOf([]reflect.StructField{{Name: "a", Type: intT}}) })
	try(func() { reflect.StructOf([]reflect.StructField{{Name: "", Type: intT}}) })
	try(func() { reflect.StructOf([]reflect.StructField{{Name: "1x", Type: intT}}) })
	try(func() { reflect.StructOf([]reflect.StructField{{Name: "X"}}) })
}
