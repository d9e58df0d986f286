package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
)

type Inner struct {
	X int `json:"x"`
	Y string
}

type Embedded struct {
	E1 int
	E2 string `json:"e2,omitempty"`
}

type unexportedEmb struct {
	U int
}

type Color int

func (c Color) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("color-%d", int(c))), nil
}

type Temp float64

func (t Temp) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`{"celsius": %.1f }`, float64(t))), nil
}

type PtrM struct{ N int }

func (p *PtrM) MarshalJSON() ([]byte, error) { return []byte(`"ptr-marshal"`), nil }

type Bad struct{}

func (Bad) MarshalJSON() ([]byte, error) { return []byte(`{bad`), nil }

type Failing struct{}

func (Failing) MarshalJSON() ([]byte, error) { return nil, errors.New("boom") }

type Outer struct {
	Name     string            `json:"name"`
	Age      int               `json:"age,omitempty"`
	Skip     string            `json:"-"`
	Dash     string            `json:"-,"`
	Quoted   int               `json:"quoted,string"`
	QStr     string            `json:",string"`
	QBool    bool              `json:"qb,string"`
	Ptr      *Inner            `json:"ptr"`
	NilPtr   *Inner            `json:"nilptr"`
	OmitPtr  *Inner            `json:"omitptr,omitempty"`
	Slice    []int             `json:"slice"`
	NilSlice []int             `json:"nilslice"`
	Empty    []int             `json:"empty"`
	Map      map[string]int    `json:"map"`
	IntMap   map[int]string    `json:"intmap"`
	NilMap   map[string]string `json:"nilmap"`
	Bytes    []byte            `json:"bytes"`
	Any      interface{}       `json:"any"`
	NilAny   interface{}       `json:"nilany"`
	Arr      [3]bool           `json:"arr"`
	F32      float32
	F64      float64
	Inner
	Embedded
	unexportedEmb
	private int
	Color    Color
	ColorMap map[Color]int
	Temp     Temp
	PM       PtrM
	PMP      *PtrM
	Raw      json.RawMessage
	Num      json.Number
	U8       uint8
	I64      int64
	U64      uint64
}

func show(v interface{}) {
	b, err := json.Marshal(v)
	fmt.Printf("%s %v\n", b, err)
}

func main() {
	o := Outer{
		Name: "Alice <&> \u2028 \"q\" \\ \n\t\x01 é 😀", Age: 0, Skip: "s", Dash: "d", Quoted: 42, QStr: "hi", QBool: true,
		Ptr: &Inner{1, "one"}, Slice: []int{1, 2, 3}, Empty: []int{},
		Map: map[string]int{"z": 1, "a": 2, "m": 3}, IntMap: map[int]string{10: "ten", 2: "two", -1: "neg"},
		Bytes: []byte("hello\xff"), Any: map[string]interface{}{"k": []interface{}{1, "two", nil, 3.5}},
		Arr: [3]bool{true, false, true}, F32: 3.14, F64: 1e21,
		Inner: Inner{7, "seven"}, Embedded: Embedded{E1: 5}, unexportedEmb: unexportedEmb{9}, private: 1,
		Color: 3, ColorMap: map[Color]int{2: 20, 1: 10}, Temp: 21.5, PMP: &PtrM{}, Raw: json.RawMessage(`{"raw": [1, 2]}`),
		Num: "12.5e3", U8: 255, I64: math.MinInt64, U64: math.MaxUint64,
	}
	show(o)
	show(&o)
	for _, f := range []float64{0, -0.0, 1, 0.1, 1e20, 1e21, 1e-6, 1e-7, 0.000001234, 123456789, 1.5e300, -2.5e-10, 100, 3.0, 1.0 / 3} {
		show(f)
	}
	for _, f := range []float32{0.1, 1e21, 1e-7, 3.4e38, 16777216} {
		show(f)
	}
	show(nil)
	show("plain")
	show([]string{})
	show([]interface{}{nil, true, 1, "x"})
	show(map[string]interface{}{})
	show(map[bool]int{true: 1})
	show(make(chan int))
	show(func() {})
	show(complex(1, 2))
	show(math.NaN())
	show(math.Inf(-1))
	show(Bad{})
	show(Failing{})
	show(json.Number("bad"))
	show(struct {
		A int `json:"a"`
		B int `json:"a"`
		C int
	}{1, 2, 3})
	show([]byte(nil))
	show([]byte{})
	show([2][]int{{1}, nil})
	show(map[string]*Inner{"n": nil, "p": {X: 1}})
	show(struct{ P *int }{})
	show(struct {
		X    int `json:",omitempty"`
		Y    int `json:"y,omitempty,string"`
		Tag  int `json:"with space"`
		Bad  int `json:"bad\"tag"`
		Uni  int `json:"ünï"`
	}{Tag: 1, Bad: 2, Uni: 3})

	b, err := json.MarshalIndent(o, ">", "  ")
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(map[string]interface{}{"a": []int{}, "b": map[string]int{}, "c": []int{1, 2}}, "", "\t")
	fmt.Println(string(b))

	enc := json.NewEncoder(os.Stdout)
	enc.Encode(map[string]string{"html": "<b>&</b>"})
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"html": "<b>&</b>"})
	enc.SetIndent("", " ")
	enc.Encode([]int{1, 2})
	fmt.Println(enc.Encode(make(chan int)))

	var buf bytes.Buffer
	fmt.Println(json.Compact(&buf, []byte(" { \"a\" : [ 1 , 2 ] , \"b\" : \"x y\" } ")), buf.String())
	buf.Reset()
	fmt.Println(json.Indent(&buf, []byte(` {"a":[1,{"b":null}],"c":{}, "d":[]} `+"\n"), "#", "--"), buf.String())
	buf.Reset()
	fmt.Println(json.Indent(&buf, []byte(`{"a":}`), "", " "), buf.Len())
	buf.Reset()
	json.HTMLEscape(&buf, []byte(`{"M":"<html>foo &`+"\u2028"+` bar</html>"}`))
	fmt.Println(buf.String())

	for _, s := range []string{`{}`, `[1,2,3]`, `{"a":1,}`, `[1,]`, `tru`, `nul`, `"abc`, `"\x"`, `"\u12g4"`, `01`, `-`, `1.`, `1.5e`, `1e+`, `{"a" 1}`, `{"a":1 "b"}`, `[1 2]`, `{1:2}`, "\"a\x01\"", ` `, ``, `[`, `{"a":[true,false,null]}`, `  42  `, `"ok" x`, `'single'`, `{"a":-0.5e-3}`, `[-]`, `"\ud83d\ude00"`, `nulx`, `fals`, `trUe`} {
		var v interface{}
		err := json.Unmarshal([]byte(s), &v)
		var se *json.SyntaxError
		off := int64(-1)
		if errors.As(err, &se) {
			off = se.Offset
		}
		fmt.Printf("%q valid=%v err=%v off=%d\n", s, json.Valid([]byte(s)), err, off)
	}
	var me *json.MarshalerError
	_, err = json.Marshal(Failing{})
	fmt.Println(errors.As(err, &me), strings.Contains(fmt.Sprint(err), "boom"))
}
