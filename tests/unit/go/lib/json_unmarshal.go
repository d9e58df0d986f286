package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

type Inner struct {
	X int `json:"x"`
	Y string
}

type Base struct {
	ID   int
	Note string `json:"note"`
}

type Level int

type Upper string

func (u *Upper) UnmarshalText(b []byte) error {
	*u = Upper(strings.ToUpper(string(b)))
	return nil
}

type Point struct{ X, Y int }

func (p *Point) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	p.X, p.Y = a[0], a[1]
	return nil
}

type Rec struct {
	Base
	Name    string            `json:"name"`
	Age     int               `json:"age"`
	Ratio   float64           `json:"ratio"`
	F32     float32           `json:"f32"`
	OK      bool              `json:"ok"`
	Tags    []string          `json:"tags"`
	Arr     [3]int            `json:"arr"`
	Ptr     *Inner            `json:"ptr"`
	Map     map[string]int    `json:"map"`
	IMap    map[int]string    `json:"imap"`
	Any     interface{}       `json:"any"`
	Bytes   []byte            `json:"bytes"`
	Lvl     Level             `json:"lvl"`
	Q       int               `json:"q,string"`
	QB      bool              `json:"qb,string"`
	U       Upper             `json:"u"`
	UM      map[Upper]int     `json:"um"`
	Pt      Point             `json:"pt"`
	PtP     *Point            `json:"ptp"`
	Raw     json.RawMessage   `json:"raw"`
	Num     json.Number       `json:"num"`
	Skip    int               `json:"-"`
	U8      uint8             `json:"u8"`
	I8      int8              `json:"i8"`
	Nested  map[string][]Inner `json:"nested"`
	private int
}

func main() {
	in := `{
	  "ID": 7, "note": "n\u00e9\n\ud83d\ude00\"",
	  "NAME": "Bob", "age": 30, "ratio": 0.25, "f32": 1.5, "ok": true,
	  "tags": ["a", "b"], "arr": [1, 2], "ptr": {"x": 5, "y": "why"},
	  "map": {"b": 2, "a": 1}, "imap": {"3": "three", "-1": "neg"},
	  "any": {"list": [1, "s", null, false, {"k": 2.5}], "n": 12345678901234567890},
	  "bytes": "aGVsbG8=", "lvl": 3, "q": "42", "qb": "true", "u": "shout",
	  "um": {"k": 1}, "pt": [3, 4], "ptp": [5, 6], "raw": {"keep": [1, 2 ]},
	  "num": 3.25e2, "Skip": 9, "u8": 200, "i8": -100, "private": 5, "unknown": [1, {"x": 2}],
	  "nested": {"g": [{"x": 1}, {"Y": "yy"}]}
	}`
	var r Rec
	err := json.Unmarshal([]byte(in), &r)
	ptr, ptp := r.Ptr, r.PtP
	r.Ptr, r.PtP = nil, nil
	fmt.Printf("%v\n%+v\n", err, r)
	fmt.Printf("%+v %s %v %T\n", *ptr, r.Bytes, *ptp, r.Any.(map[string]interface{})["n"])

	// merge into existing values
	r2 := Rec{Tags: []string{"x", "y", "z"}, Arr: [3]int{9, 9, 9}, Map: map[string]int{"old": 1}, Ptr: &Inner{X: 100, Y: "keep"}}
	err = json.Unmarshal([]byte(`{"tags": ["q"], "arr": [1], "map": {"new": 2}, "ptr": {"x": 1}}`), &r2)
	fmt.Println(err, r2.Tags, len(r2.Tags), r2.Arr, r2.Map, *r2.Ptr)
	err = json.Unmarshal([]byte(`{"tags": [], "map": null, "ptr": null}`), &r2)
	fmt.Println(err, r2.Tags == nil, len(r2.Tags), r2.Map == nil, r2.Ptr == nil)

	// type errors: the rest still decoded
	var r3 Rec
	err = json.Unmarshal([]byte(`{"age": "old", "name": "N", "ok": 1, "tags": {"a": 1}}`), &r3)
	fmt.Println(err, r3.Name)
	var ute *json.UnmarshalTypeError
	fmt.Println(errors.As(err, &ute), ute.Value, ute.Type, ute.Struct, ute.Field)
	err = json.Unmarshal([]byte(`{"ptr": {"x": "s"}}`), &r3)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"u8": 300}`), &r3)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"i8": -129}`), &r3)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"age": 1.5}`), &r3)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"q": 5}`), &r3)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"q": "x"}`), &r3)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"bytes": "!!"}`), &r3)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"nested": {"g": [{"x": true}]}}`), &r3)
	fmt.Println(err)

	// top-level values
	var i int
	var s string
	var f float64
	var b bool
	var sl []int
	var m map[string]interface{}
	var ifc interface{}
	var p *int
	fmt.Println(json.Unmarshal([]byte(`12`), &i), i)
	fmt.Println(json.Unmarshal([]byte(`"str"`), &s), s)
	fmt.Println(json.Unmarshal([]byte(`-1.5e3`), &f), f)
	fmt.Println(json.Unmarshal([]byte(`true`), &b), b)
	fmt.Println(json.Unmarshal([]byte(`[1,2,3]`), &sl), sl)
	fmt.Println(json.Unmarshal([]byte(`{"a":{"b":[]}}`), &m), m)
	fmt.Println(json.Unmarshal([]byte(`[{"x":1}]`), &ifc), ifc)
	fmt.Println(json.Unmarshal([]byte(`7`), &p), *p)
	fmt.Println(json.Unmarshal([]byte(`null`), &p), p == nil)
	fmt.Println(json.Unmarshal([]byte(`"x"`), &i), i)
	fmt.Println(json.Unmarshal([]byte(`[1,"a"]`), &sl), sl)
	fmt.Println(json.Unmarshal([]byte(`{`), &i))
	fmt.Println(json.Unmarshal([]byte(`1`), nil))
	fmt.Println(json.Unmarshal([]byte(`1`), i))
	fmt.Println(json.Unmarshal([]byte(`1`), (*int)(nil)))
	var arr [2]string
	fmt.Println(json.Unmarshal([]byte(`["a","b","c"]`), &arr), arr)
	var mi map[int]bool
	fmt.Println(json.Unmarshal([]byte(`{"1":true,"x":false}`), &mi), mi)
	var ms map[string]*Inner
	fmt.Println(json.Unmarshal([]byte(`{"a":{"x":1},"b":null}`), &ms), *ms["a"], ms["b"])

	// Decoder
	dec := json.NewDecoder(strings.NewReader(`{"x": 1, "Y": "a"} {"x": 2} [3] 4 "five"` + "\n"))
	for {
		var v interface{}
		err := dec.Decode(&v)
		if err == io.EOF {
			fmt.Println("EOF")
			break
		}
		fmt.Println(v, err)
		if err != nil {
			break
		}
	}
	dec = json.NewDecoder(strings.NewReader(`{"x": 1, "z": 2}`))
	dec.DisallowUnknownFields()
	var in1 Inner
	fmt.Println(dec.Decode(&in1), in1)
	dec = json.NewDecoder(strings.NewReader(`{"n": 1.0, "big": 123456789012345678901234567890}`))
	dec.UseNumber()
	var nm map[string]interface{}
	fmt.Println(dec.Decode(&nm), nm)
	n := nm["n"].(json.Number)
	fl, _ := n.Float64()
	_, ierr := n.Int64()
	fmt.Println(n.String(), fl, ierr)
	dec = json.NewDecoder(strings.NewReader(`{"x": 1`))
	fmt.Println(dec.Decode(&in1))
	dec = json.NewDecoder(strings.NewReader(`{"x": 1}}`))
	fmt.Println(dec.Decode(&in1), dec.More())
	fmt.Println(dec.Decode(&in1))
	dec = json.NewDecoder(strings.NewReader(`  `))
	fmt.Println(dec.Decode(&in1))

	// round trip
	type T struct {
		A []map[string]*Inner
		B [2]float64
		C map[string]interface{}
	}
	t := T{A: []map[string]*Inner{{"k": {1, "a"}}, nil}, B: [2]float64{1e-7, 2}, C: map[string]interface{}{"z": []interface{}{}}}
	out, _ := json.Marshal(t)
	var t2 T
	fmt.Println(string(out), json.Unmarshal(out, &t2))
	out2, _ := json.Marshal(t2)
	fmt.Println(string(out2) == string(out))
}
