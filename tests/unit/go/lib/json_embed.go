package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type A struct {
	Name string
	X    int `json:"x"`
}

type B struct {
	Name string
	Y    int
}

type C struct {
	Name string `json:"Name"`
}

type Both struct {
	A
	B
}

type Tagged struct {
	A
	C
}

type PtrEmbed struct {
	*A
	Z int
}

type inner struct{ V int }

type hidden struct {
	*inner
}

type Named struct {
	A `json:"a"`
	W int
}

type Bytes []byte

type Key struct{ k string }

func (k Key) MarshalText() ([]byte, error) { return []byte("K" + k.k), nil }
func (k *Key) UnmarshalText(b []byte) error {
	k.k = strings.TrimPrefix(string(b), "K")
	return nil
}

type Val struct{ n int }

func (v *Val) UnmarshalJSON(b []byte) error {
	v.n = len(b)
	return nil
}

func (v Val) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprint(v.n)), nil }

type Holder struct {
	V  Val
	VP *Val
	VS []Val
	M  map[string]Val
}

type Deep struct {
	Next *Deep `json:",omitempty"`
	N    int
}

func show(v interface{}) {
	b, err := json.Marshal(v)
	fmt.Printf("%s %v\n", b, err)
}

func main() {
	show(Both{A{"a", 1}, B{"b", 2}})
	show(Tagged{A{"a", 1}, C{"c"}})
	show(PtrEmbed{Z: 3})
	show(PtrEmbed{A: &A{"p", 4}, Z: 3})
	show(hidden{})
	show(hidden{&inner{5}})
	show(Named{A{"n", 6}, 7})
	show(Bytes("hi"))
	show([4]byte{1, 2, 3, 4})
	show(map[Key]int{{"b"}: 2, {"a"}: 1})
	show(Holder{V: Val{3}, VP: &Val{4}, VS: []Val{{5}}, M: map[string]Val{"m": {6}}})
	show(struct {
		S  struct{} `json:",omitempty"`
		P  *int     `json:",omitempty"`
		I  interface{}
		AA [0]int `json:",omitempty"`
	}{})
	show(&Deep{Next: &Deep{Next: &Deep{N: 3}, N: 2}, N: 1})
	show([]interface{}{[]byte("x"), map[string]interface{}{"n": nil}, 1.0, float32(1.5), int8(-3)})
	show(map[string]int{"<": 1, "é": 2, "\u2029": 3})

	var both Both
	fmt.Println(json.Unmarshal([]byte(`{"Name":"?","x":1,"Y":2}`), &both), both)
	var tg Tagged
	fmt.Println(json.Unmarshal([]byte(`{"Name":"?","x":1}`), &tg), tg)
	var pe PtrEmbed
	fmt.Println(json.Unmarshal([]byte(`{"Name":"pe","Z":9}`), &pe), pe.A != nil && pe.Name == "pe", pe.Z)
	var h hidden
	fmt.Println(json.Unmarshal([]byte(`{"V":1}`), &h))
	var nm Named
	fmt.Println(json.Unmarshal([]byte(`{"a":{"Name":"x","x":2},"W":3}`), &nm), nm)
	var bs Bytes
	fmt.Println(json.Unmarshal([]byte(`"aGk="`), &bs), string(bs))
	var arr [4]byte
	fmt.Println(json.Unmarshal([]byte(`[9,8]`), &arr), arr)
	var km map[Key]int
	fmt.Println(json.Unmarshal([]byte(`{"Kz":26,"Ky":25}`), &km), len(km), km[Key{"z"}], km[Key{"y"}])
	var ho Holder
	fmt.Println(json.Unmarshal([]byte(`{"V":"abc","VP":[1,2],"VS":[1,22],"M":{"m":true}}`), &ho), ho.V.n, ho.VP.n, ho.VS, ho.M["m"].n)
	var d Deep
	fmt.Println(json.Unmarshal([]byte(`{"N":1,"Next":{"N":2,"Next":{"N":3}}}`), &d), d.N, d.Next.N, d.Next.Next.N, d.Next.Next.Next == nil)
	var target A
	var iface interface{} = &target
	fmt.Println(json.Unmarshal([]byte(`{"Name":"via iface","x":11}`), &iface), target)
	ms := map[string]A{"k": {"old", 1}}
	fmt.Println(json.Unmarshal([]byte(`{"k":{"x":2}}`), &ms), ms)
	var sl []*A
	fmt.Println(json.Unmarshal([]byte(`[{"Name":"1"},null,{"x":3}]`), &sl), len(sl), *sl[0], sl[1] == nil, *sl[2])
	var f32 float32
	fmt.Println(json.Unmarshal([]byte(`1e39`), &f32), f32)
	var u uint
	fmt.Println(json.Unmarshal([]byte(`-1`), &u), u)
	var anyv interface{}
	fmt.Println(json.Unmarshal([]byte(` {"a" : [ 1 , 2.5 , "x" , true , null , { } , [ ] ] } `), &anyv), anyv)
	b, _ := json.MarshalIndent(anyv, "", "  ")
	fmt.Println(string(b))
	var s string
	fmt.Println(json.Unmarshal([]byte(`"\u0041\u00e9\uD834\uDD1E\uD834 \\ \/ \b\f\n\r\t"`), &s), []byte(s))
}
