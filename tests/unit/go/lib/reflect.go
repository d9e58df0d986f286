// reflect: TypeOf and its Type, Kind, StructTag and DeepEqual, as Go
// answers them (the output is go run's).
package main

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
)

type Point struct {
	X, Y int
	name string `json:"name,omitempty" xml:"n"`
}

type Celsius float64

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Node struct {
	V    int
	Next *Node
}

type Locked struct {
	mu sync.Mutex
	n  map[string][]int
}

type Pair[K comparable, V any] struct {
	K K
	V V
}

func main() {
	for _, v := range []interface{}{1, "s", 2.5, Point{}, &Point{}, []int{}, map[string]bool{},
		make(chan int), func(int) string { return "" }, Celsius(1), [3]byte{}, errors.New("x"), Pair[string, int]{}} {
		t := reflect.TypeOf(v)
		fmt.Printf("%-24s %-8s %q %q %v\n", t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Comparable())
	}
	fmt.Println(reflect.TypeOf(nil) == nil)
	fmt.Println(reflect.TypeOf(1) == reflect.TypeOf(2), reflect.TypeOf(1) == reflect.TypeOf(int64(2)))
	pt := reflect.TypeOf(Point{})
	for i := 0; i < pt.NumField(); i++ {
		f := pt.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("json"), f.Tag.Get("xml"), f.IsExported(), f.Index)
	}
	if f, ok := pt.FieldByName("Y"); ok {
		fmt.Println("found", f.Name, f.Type.Kind())
	}
	fmt.Println(reflect.TypeOf(&Point{}).Elem() == pt, reflect.TypeOf([]string{}).Elem(), reflect.TypeOf(map[int]bool{}).Key())
	ft := reflect.TypeOf(fmt.Sprintf)
	fmt.Println(ft.NumIn(), ft.In(0), ft.In(1), ft.NumOut(), ft.Out(0), ft.IsVariadic())
	fmt.Println(reflect.TypeOf(make(<-chan int)).ChanDir(), reflect.TypeOf([4]int{}).Len())
	shape := reflect.TypeOf((*Shape)(nil)).Elem()
	fmt.Println(shape.Kind(), reflect.TypeOf(Sq{}).Implements(shape), reflect.TypeOf(Point{}).Implements(shape))
	fmt.Println(reflect.TypeOf(Celsius(0)).AssignableTo(reflect.TypeOf(0.0)), reflect.TypeOf(Sq{}).AssignableTo(shape))
	fmt.Println(reflect.Int.String(), reflect.Ptr, reflect.Kind(99), reflect.TypeOf(int16(0)).Bits())
	var sz struct {
		a bool
		b int64
		c string
		d [3]int16
	}
	fmt.Println(reflect.TypeOf(sz).Size(), reflect.TypeOf("").Size(), reflect.TypeOf([]int{}).Size(),
		reflect.TypeOf(int8(0)).Size(), reflect.TypeOf(complex64(0)).Size(), reflect.TypeOf([3]int16{}).Size())

	fmt.Println("DeepEqual")
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual([]int(nil), []int(nil)))
	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual(map[string]int{"a": 1}, map[string]int{"a": 2}))
	fmt.Println(reflect.DeepEqual(&Point{1, 2, "p"}, &Point{1, 2, "p"}), reflect.DeepEqual(Point{1, 2, "p"}, Point{1, 2, "q"}))
	fmt.Println(reflect.DeepEqual(1, int64(1)), reflect.DeepEqual(nil, nil), reflect.DeepEqual(nil, []int(nil)))
	fmt.Println(reflect.DeepEqual(errors.New("a"), errors.New("a")), reflect.DeepEqual(Celsius(1), 1.0))
	var f func()
	fmt.Println(reflect.DeepEqual(f, f), reflect.DeepEqual(main, main))
	a := &Node{V: 1}
	a.Next = a
	b := &Node{V: 1}
	b.Next = b
	fmt.Println(reflect.DeepEqual(a, b))
	l1 := Locked{n: map[string][]int{"x": {1}}}
	l2 := Locked{n: map[string][]int{"x": {1}}}
	fmt.Println(reflect.DeepEqual(&l1, &l2))
	fmt.Println(reflect.DeepEqual([]interface{}{1, "a", nil}, []interface{}{1, "a", nil}), reflect.DeepEqual([]interface{}{1}, []interface{}{int8(1)}))
	fmt.Println(reflect.DeepEqual([2][]int{{1}, {2}}, [2][]int{{1}, {2}}), reflect.DeepEqual(Pair[string, []int]{"a", []int{1}}, Pair[string, []int]{"a", []int{1}}))

	var wg sync.WaitGroup
	results := make([]int, 3)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i * i
		}(i)
	}
	wg.Wait()
	fmt.Println(reflect.DeepEqual(results, []int{0, 1, 4}))
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.TypeOf(1).Elem()
}
