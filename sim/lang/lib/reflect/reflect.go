// Package reflect: the part of Go's reflect that weft provides: the
// types of values (TypeOf, and Type's String, Name, PkgPath, Kind, Elem,
// Key, Len, NumField, Field, NumIn, In, NumOut, Out, IsVariadic, ChanDir,
// Comparable, AssignableTo, Implements, NumMethod, Method, MethodByName),
// ArrayOf, SliceOf, PointerTo, MapOf and StructOf (the types made at run
// time as Go makes them, interned with the program's: equal structure,
// equal Type; a struct embedding a type with methods is refused, weft
// makes no methods at run time), Kind, StructTag and DeepEqual, with Go's
// wording for their panics; values read through ValueOf (Value's Kind,
// Type, Interface, Int, Uint, Float, Complex, String, Bool, Len, Index,
// Field, NumField, Elem, IsNil, IsValid, Pointer, UnsafeAddr, NumMethod,
// Method, MethodByName, Call, Addr, MapRange, MapKeys, MapIndex,
// Overflow...); values made by New, Zero, MakeMap, MakeSlice, Append and
// MakeFunc. An addressable Value (what a pointer's Elem reads, a field
// or element of one, a slice's element) is read when it is used and
// set by Set, SetInt, SetUint, SetFloat, SetString, SetBool, SetBytes
// and SetLen, each a read or write of the variable as the program's own
// (so a race through reflect shows); a map's entries are set by
// SetMapIndex. What else makes values (Select, MakeChan, ChanOf, ...)
// is refused by name when the program is compiled. The type
// descriptors are the VM's own, read through __rtype_int and
// __rtype_str, values through __rvalue; DeepEqual is the native
// __deepequal, whose reads (like fmt's) are not checked for races.
package reflect

const __refuseValues = "NewAt Append AppendSlice Copy MakeMapWithSize MakeChan Select SelectCase SelectDir SelectSend SelectRecv SelectDefault Swapper ChanOf FuncOf|weft's reflect makes values (New, Zero, MakeMap, MakeSlice, MakeFunc) and types (ArrayOf, SliceOf, PointerTo, MapOf, StructOf) but not these"

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Name() string
	PkgPath() string
	String() string
	Kind() Kind
	Elem() Type
	Key() Type
	Len() int
	NumField() int
	Field(i int) StructField
	FieldByName(name string) (StructField, bool)
	NumIn() int
	In(i int) Type
	NumOut() int
	Out(i int) Type
	IsVariadic() bool
	ChanDir() ChanDir
	Comparable() bool
	AssignableTo(u Type) bool
	Implements(u Type) bool
	Bits() int
	Size() uintptr
	NumMethod() int
	Method(int) Method
	MethodByName(string) (Method, bool)
}

// Method: a method of a type, as Type.Method gives it.
type Method struct {
	Name    string
	PkgPath string
	Type    Type  // the method's type, the receiver first
	Func    Value // the method expression T.M
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// the questions __rtype_int and __rtype_str answer (lib_reflect.c)
const (
	qKind = iota
	qElem
	qKey
	qLen
	qNumField
	qFieldType
	qFieldEmbedded
	qNumIn
	qIn
	qNumOut
	qOut
	qVariadic
	qChanDir
	qComparable
	qAssignable
	qImplements
	qSize
	qNumMethod
	qMethodType
)

const (
	qString = iota
	qName
	qPkgPath
	qFieldName
	qFieldTag
	qMethodName
)

// rtype is a Type: the VM's type id (comparable, so Types compare as Go's
// do: equal exactly when the types are identical).
type rtype struct{ id int }

// TypeOf returns the dynamic type of i, or nil if i is a nil interface.
func TypeOf(i interface{}) Type {
	id := __rtype(i)
	if id == 0 {
		return nil
	}
	return rtype{id}
}

func (t rtype) String() string  { return __rtype_str(t.id, qString, 0) }
func (t rtype) Name() string    { return __rtype_str(t.id, qName, 0) }
func (t rtype) PkgPath() string { return __rtype_str(t.id, qPkgPath, 0) }
func (t rtype) Kind() Kind      { return Kind(__rtype_int(t.id, qKind, 0)) }

func (t rtype) must(k Kind, what string) {
	if t.Kind() != k {
		panic("reflect: " + what + " of non-" + k.String() + " type " + t.String())
	}
}

func (t rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return rtype{__rtype_int(t.id, qElem, 0)}
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t rtype) Key() Type {
	t.must(Map, "Key")
	return rtype{__rtype_int(t.id, qKey, 0)}
}

func (t rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return __rtype_int(t.id, qLen, 0)
}

func (t rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return __rtype_int(t.id, qNumField, 0)
}

func (t rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= t.NumField() {
		panic("reflect: Field index out of bounds")
	}
	f := StructField{
		Name:      __rtype_str(t.id, qFieldName, i),
		Type:      rtype{__rtype_int(t.id, qFieldType, i)},
		Tag:       StructTag(__rtype_str(t.id, qFieldTag, i)),
		Index:     []int{i},
		Anonymous: __rtype_int(t.id, qFieldEmbedded, i) != 0,
	}
	if c := f.Name[0]; c < 'A' || c > 'Z' {
		f.PkgPath = __rtype_str(t.id, qPkgPath, 0)
	}
	return f
}

func (t rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.Name == name {
			return f, true
		}
	}
	return StructField{}, false
}

func (t rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return __rtype_int(t.id, qNumIn, 0)
}

func (t rtype) In(i int) Type {
	if t.Kind() != Func {
		panic("reflect: In of non-func type " + t.String())
	}
	return rtype{__rtype_int(t.id, qIn, i)}
}

func (t rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return __rtype_int(t.id, qNumOut, 0)
}

func (t rtype) Out(i int) Type {
	if t.Kind() != Func {
		panic("reflect: Out of non-func type " + t.String())
	}
	return rtype{__rtype_int(t.id, qOut, i)}
}

func (t rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return __rtype_int(t.id, qVariadic, 0) != 0
}

func (t rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir(__rtype_int(t.id, qChanDir, 0))
}

func (t rtype) Comparable() bool { return __rtype_int(t.id, qComparable, 0) != 0 }

func (t rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return __rtype_int(t.id, qAssignable, u.(rtype).id) != 0
}

func (t rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return __rtype_int(t.id, qImplements, u.(rtype).id) != 0
}

func (t rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return 8 * __rtype_int(t.id, qSize, 0)
}

// Size is the number of bytes a value of the type takes, as gc lays it
// out on amd64 (unsafe.Sizeof's answer).
func (t rtype) Size() uintptr {
	return uintptr(__rtype_int(t.id, qSize, 0))
}

// DeepEqual reports whether x and y are "deeply equal", as Go's
// reflect.DeepEqual defines it.
func DeepEqual(x, y interface{}) bool { return __deepequal(x, y) }

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and
// whether the key was there (Go's parser, reflect/type.go).
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			return unquote(qvalue)
		}
	}
	return "", false
}

// unquote: the Go string literal q ("..." with backslash escapes of the
// common kinds), as strconv.Unquote reads it.
func unquote(q string) (string, bool) {
	var b []byte
	for i := 1; i < len(q)-1; i++ {
		c := q[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++
		if i >= len(q)-1 {
			return "", false
		}
		switch q[i] {
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case 'r':
			b = append(b, '\r')
		case '\\', '"', '\'':
			b = append(b, q[i])
		default:
			return "", false
		}
	}
	return string(b), true
}

func (t rtype) NumMethod() int { return __rtype_int(t.id, qNumMethod, 0) }

func (t rtype) Method(i int) Method {
	if t.Kind() == Interface {
		panic("unsupported: reflect: Method of an interface type")
	}
	if i < 0 || i >= t.NumMethod() {
		panic("reflect: Method index out of range")
	}
	ft := __rtype_int(t.id, qMethodType, i)
	fv, _ := __rvalue(rvFunc, t.id, i)
	if t.Kind() == Pointer && __rtype_int(__rtype(fv), qIn, 0) != t.id {
		// (*T).M of a value method: Go's wrapper dereferences the
		// receiver (a nil one panics as Go's does)
		f := ValueOf(fv)
		name := t.Elem().String() + "." + __rtype_str(t.id, qMethodName, i)
		short := t.Elem().Name()
		fv = MakeFunc(rtype{ft}, func(in []Value) []Value {
			if in[0].IsNil() {
				__rt_throw("value method " + name + " called using nil *" + short + " pointer")
			}
			in[0] = in[0].Elem()
			return f.Call(in)
		}).val
	}
	return Method{
		Name:  __rtype_str(t.id, qMethodName, i),
		Type:  rtype{ft},
		Func:  Value{typ: ft, val: fv},
		Index: i,
	}
}

func (t rtype) MethodByName(name string) (Method, bool) {
	if t.Kind() == Interface {
		return Method{}, false
	}
	for i := 0; i < t.NumMethod(); i++ {
		if __rtype_str(t.id, qMethodName, i) == name {
			return t.Method(i), true
		}
	}
	return Method{}, false
}

// the readings __rvalue makes (lib_reflect.c)
const (
	rvInt = iota
	rvUint
	rvFloat
	rvString
	rvBool
	rvField
	rvIndex
	rvElem
	rvLen
	rvIsNil
	rvPointer
	rvMethod
	rvFunc
	rvReal
	rvImag
	rvConvert
	rvRetag
	rvAddr
	rvLoad
	rvMakeSlice
	rvMapEntry
	rvMapVal
)

// MakeFunc returns a new function of the given Type that wraps fn: a
// call of it passes its arguments to fn as Values and returns fn's
// results, as Go's does (weft's function value calls fn through the
// native __mfcall: at most 8 results, and no variadic Type).
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.(rtype)
	if t.IsVariadic() || t.NumOut() > 8 {
		panic("unsupported: reflect.MakeFunc of a variadic function type or of one with more than 8 results")
	}
	impl := func(args []interface{}) []interface{} {
		in := make([]Value, len(args))
		for i, a := range args {
			in[i] = Value{typ: __rtype_int(t.id, qIn, i), val: a}
		}
		out := fn(in)
		nout := t.NumOut()
		if len(out) != nout {
			panic("reflect: wrong return count from function created by MakeFunc")
		}
		res := make([]interface{}, nout)
		for i, v := range out {
			if v.typ == 0 {
				panic("reflect: function created by MakeFunc using " + funcName(fn) + " returned zero Value")
			}
			if v.flag&flagRO != 0 {
				panic("reflect: function created by MakeFunc using " + funcName(fn) + " returned value obtained from unexported field")
			}
			res[i] = v.assignTo("reflect.MakeFunc", __rtype_int(t.id, qOut, i))
		}
		return res
	}
	return Value{typ: t.id, val: __makefunc(t.id, __mfcall, impl)}
}

// funcName: Go's reflect names fn by runtime.FuncForPC of the func
// value's word, which is no code address, so it says "closure".
func funcName(f func([]Value) []Value) string { return "closure" }

// assignTo: v's value as a value of type dst (its dynamic value when dst
// is an interface type), or Go's panic when v is not assignable to it.
func (v Value) assignTo(context string, dst int) interface{} {
	if v.typ == dst {
		return v.get()
	}
	if __rtype_int(v.typ, qAssignable, dst) == 0 {
		panic(context + ": value of type " + v.Type().String() + " is not assignable to type " + rtype{dst}.String())
	}
	if Kind(__rtype_int(dst, qKind, 0)) == Interface {
		return v.get()
	}
	r, _ := __rvalue(rvRetag, v.get(), dst)
	return r
}

// SliceHeader and StringHeader: Go's run-time representations of a slice
// and a string. weft's have none: a pointer to a slice or string
// converted to *SliceHeader or *StringHeader points to no object (it
// converts and compares, but reading or writing through it is refused).
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

type StringHeader struct {
	Data uintptr
	Len  int
}

// ArrayOf, SliceOf, PointerTo and MapOf return the type they denote, as
// Go's do: the program's own when it has it, else one made now.
func ArrayOf(length int, elem Type) Type {
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	return typeOf(Array, elem, nil, length, "ArrayOf("+itoa(length)+", "+elem.String()+")")
}

func SliceOf(t Type) Type { return typeOf(Slice, t, nil, 0, "SliceOf("+t.String()+")") }

func PointerTo(t Type) Type { return typeOf(Pointer, t, nil, 0, "PointerTo("+t.String()+")") }

// PtrTo is the old name for PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

func MapOf(key, elem Type) Type {
	if !key.Comparable() {
		panic("reflect.MapOf: invalid key type " + key.String())
	}
	return typeOf(Map, key, elem, 0, "MapOf("+key.String()+", "+elem.String()+")")
}

func typeOf(k Kind, a, b Type, n int, what string) Type {
	bid := 0
	if b != nil {
		bid = b.(rtype).id
	}
	return rtype{__rtype_of(int(k), a.(rtype).id, bid, n)}
}

// StructOf returns the struct type containing fields, checked as Go's
// StructOf checks them (with its panics); the Offset and Index of the
// fields are ignored and computed, as in Go.
func StructOf(fields []StructField) Type {
	var names, tags []string
	var types []int
	var emb []bool
	seen := map[string]bool{}
	pkgpath := ""
	for i, f := range fields {
		if f.Name == "" {
			panic("reflect.StructOf: field " + itoa(i) + " has no name")
		}
		if !isValidFieldName(f.Name) {
			panic("reflect.StructOf: field " + itoa(i) + " has invalid name")
		}
		if f.Type == nil {
			panic("reflect.StructOf: field " + itoa(i) + " has no type")
		}
		if f.Anonymous && f.PkgPath != "" {
			panic("reflect.StructOf: field \"" + f.Name + "\" is anonymous but has PkgPath set")
		}
		if c := f.Name[0]; f.PkgPath == "" && ('a' <= c && c <= 'z' || c == '_') {
			panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
		}
		if f.PkgPath != "" {
			if pkgpath == "" {
				pkgpath = f.PkgPath
			} else if pkgpath != f.PkgPath {
				panic("reflect.Struct: fields with different PkgPath " + pkgpath + " and " + f.PkgPath)
			}
		}
		if f.Anonymous && (f.Type.NumMethod() > 0 || f.Type.Kind() != Interface && PointerTo(f.Type).NumMethod() > 0) {
			panic("unsupported: reflect.StructOf: embedded field " + f.Name + " of type " + f.Type.String() + " with methods (weft makes no methods at run time)")
		}
		if seen[f.Name] && f.Name != "_" {
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		names = append(names, f.Name)
		types = append(types, f.Type.(rtype).id)
		tags = append(tags, string(f.Tag))
		emb = append(emb, f.Anonymous)
	}
	return rtype{__rstruct(names, types, tags, emb)}
}

// isValidFieldName: a letter or '_', then letters, digits and '_' (any
// non-ASCII rune counts as a letter here).
func isValidFieldName(name string) bool {
	for i, c := range name {
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return len(name) > 0
}

// New returns a Value representing a pointer to a new zero value of
// type typ.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	p := __rmake('N', typ.(rtype).id)
	return Value{typ: __rtype(p), val: p}
}

// Zero returns a Value representing the zero value of type typ.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	return Value{typ: typ.(rtype).id, val: __rmake('Z', typ.(rtype).id)}
}

func (v Value) mustBeExported(m string) {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value." + m, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value." + m + " using value obtained using unexported field")
	}
}

// Set assigns x to the value v (what a pointer's Elem read).
func (v Value) Set(x Value) {
	v.mustSet("Set")
	x.mustBeExported("Set")
	__storep(v.ptr, x.assignTo("reflect.Set", v.typ))
}

// Value: a value read through reflection, with its static type (typ;
// 0: the zero Value). An interface-typed Value holds its dynamic value.
type Value struct {
	typ  int
	val  interface{}
	flag int
	ptr  interface{} // the pointer Elem read val through (settable)
}

const (
	flagStickyRO = 1 // read through an unexported field
	flagEmbedRO  = 4 // an unexported embedded field (its exported fields are not)
	flagRO       = flagStickyRO | flagEmbedRO
	flagAddr     = 2 // addressable (the element of a pointer)
)

// A ValueError occurs when a Value method is invoked on a Value that
// does not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// ValueOf returns a new Value initialized to the concrete value stored
// in i (the zero Value for nil).
func ValueOf(i interface{}) Value {
	if i == nil {
		return Value{}
	}
	return Value{typ: __rtype(i), val: i}
}

// Indirect returns the value that v points to (v itself if it is not a
// pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

func (v Value) IsValid() bool { return v.typ != 0 }

func (v Value) Kind() Kind {
	if v.typ == 0 {
		return Invalid
	}
	return Kind(__rtype_int(v.typ, qKind, 0))
}

func (v Value) Type() Type {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return rtype{v.typ}
}

func (v Value) kindIn(m string, ks ...Kind) Kind {
	k := v.Kind()
	for _, x := range ks {
		if k == x {
			return k
		}
	}
	panic(&ValueError{"reflect.Value." + m, k})
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() interface{} {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return v.get()
}

func (v Value) CanInterface() bool {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

// CanSet reports, as Go does, whether v is addressable and not read
// through an unexported field (weft's Set methods set only what a
// pointer's Elem reads, of a predeclared type, and panic otherwise).
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) Int() int64 {
	v.kindIn("Int", Int, Int8, Int16, Int32, Int64)
	r, _ := __rvalue(rvInt, v.get(), 0)
	return r.(int64)
}

func (v Value) Uint() uint64 {
	v.kindIn("Uint", Uint, Uint8, Uint16, Uint32, Uint64, Uintptr)
	r, _ := __rvalue(rvUint, v.get(), 0)
	return r.(uint64)
}

func (v Value) Float() float64 {
	v.kindIn("Float", Float32, Float64)
	r, _ := __rvalue(rvFloat, v.get(), 0)
	return r.(float64)
}

func (v Value) Complex() complex128 {
	v.kindIn("Complex", Complex64, Complex128)
	re, _ := __rvalue(rvReal, v.get(), 0)
	im, _ := __rvalue(rvImag, v.get(), 0)
	return complex(re.(float64), im.(float64))
}

func (v Value) Bool() bool {
	v.kindIn("Bool", Bool)
	r, _ := __rvalue(rvBool, v.get(), 0)
	return r.(bool)
}

// String returns the string v holds, or "<T Value>" for another kind.
func (v Value) String() string {
	switch v.Kind() {
	case Invalid:
		return "<invalid Value>"
	case String:
		r, _ := __rvalue(rvString, v.get(), 0)
		return r.(string)
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Len() int {
	if v.kindIn("Len", Array, Chan, Map, Slice, String) == Array {
		return __rtype_int(v.typ, qLen, 0)
	}
	r, _ := __rvalue(rvLen, v.get(), 0)
	return r.(int)
}

func (v Value) Cap() int {
	v.kindIn("Cap", Array, Chan, Slice)
	r, _ := __rvalue(rvLen, v.get(), 1)
	return r.(int)
}

func (v Value) NumField() int {
	v.kindIn("NumField", Struct)
	return __rtype_int(v.typ, qNumField, 0)
}

func (v Value) Field(i int) Value {
	v.kindIn("Field", Struct)
	if i < 0 || i >= v.NumField() {
		panic("reflect: Field index out of range")
	}
	f := v.flag & (flagStickyRO | flagAddr)
	if c := __rtype_str(v.typ, qFieldName, i)[0]; c < 'A' || c > 'Z' {
		if __rtype_int(v.typ, qFieldEmbedded, i) != 0 {
			f |= flagEmbedRO
		} else {
			f |= flagStickyRO
		}
	}
	if v.ptr != nil {
		return at(v.ptr, i, f|flagAddr)
	}
	r, t := __rvalue(rvField, v.get(), i)
	return Value{typ: t, val: r, flag: f}
}

// at: the Value of slot i of what p points to (a struct's field, an
// array's element) or of slice p's element i: addressable, read when it
// is used, as the program's own read of the variable.
func at(p interface{}, i int, flag int) Value {
	q, t := __rvalue(rvAddr, p, i)
	return Value{typ: t, flag: flag, ptr: q}
}

// get: v's value; an addressable one's read now from its variable.
func (v Value) get() interface{} {
	if v.ptr != nil {
		r, _ := __rvalue(rvLoad, v.ptr, 0)
		return r
	}
	return v.val
}

func (v Value) FieldByName(name string) Value {
	v.kindIn("FieldByName", Struct)
	for i := 0; i < v.NumField(); i++ {
		if __rtype_str(v.typ, qFieldName, i) == name {
			return v.Field(i)
		}
	}
	return Value{}
}

func (v Value) Index(i int) Value {
	k := v.kindIn("Index", Array, Slice, String)
	if k != String && (i < 0 || i >= v.Len()) {
		panic("reflect: " + k.String() + " index out of range")
	}
	switch {
	case k == Slice:
		return at(v.get(), i, v.flag|flagAddr)
	case k == Array && v.ptr != nil:
		return at(v.ptr, i, v.flag)
	}
	r, t := __rvalue(rvIndex, v.get(), i)
	return Value{typ: t, val: r, flag: v.flag}
}

// Elem returns the value the interface v contains or the pointer v
// points to.
func (v Value) Elem() Value {
	switch v.kindIn("Elem", Interface, Pointer) {
	case Interface:
		x := v.get()
		if x == nil {
			return Value{}
		}
		return Value{typ: __rtype(x), val: x, flag: v.flag & flagRO}
	}
	p := v.get()
	if isNil(p) {
		return Value{}
	}
	return Value{typ: __rtype_int(v.typ, qElem, 0), flag: v.flag&flagRO | flagAddr, ptr: p}
}

func isNil(x interface{}) bool {
	if x == nil {
		return true
	}
	r, _ := __rvalue(rvIsNil, x, 0)
	return r.(bool)
}

func (v Value) IsNil() bool {
	v.kindIn("IsNil", Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer)
	return isNil(v.get())
}

// Pointer returns v's value as a uintptr (an address weft makes up, the
// same in every run).
func (v Value) Pointer() uintptr {
	v.kindIn("Pointer", Chan, Func, Map, Pointer, Slice, UnsafePointer)
	r, _ := __rvalue(rvPointer, v.get(), 0)
	return r.(uintptr)
}

// UnsafeAddr returns the address of v's value (weft's synthetic
// address, as unsafe.Pointer's): v must be what a pointer's Elem read.
func (v Value) UnsafeAddr() uintptr {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	if v.ptr == nil {
		panic("unsupported: reflect.Value.UnsafeAddr of a field or an element (weft knows the address of what a pointer's Elem reads)")
	}
	r, _ := __rvalue(rvPointer, v.ptr, 0)
	return r.(uintptr)
}

func (v Value) NumMethod() int {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	if v.Kind() == Interface {
		if v.get() == nil {
			return 0
		}
		return ValueOf(v.get()).NumMethod()
	}
	return __rtype_int(v.typ, qNumMethod, 0)
}

// Method returns a function value: v's i'th method bound to v.
func (v Value) Method(i int) Value {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.Kind() == Interface {
		return ValueOf(v.get()).Method(i)
	}
	if i < 0 || i >= v.NumMethod() {
		panic("reflect: Method index out of range")
	}
	r, t := __rvalue(rvMethod, v.get(), i)
	return Value{typ: t, val: r, flag: v.flag & flagRO}
}

func (v Value) MethodByName(name string) Value {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.Kind() == Interface {
		return ValueOf(v.get()).MethodByName(name)
	}
	for i := 0; i < v.NumMethod(); i++ {
		if __rtype_str(v.typ, qMethodName, i) == name {
			return v.Method(i)
		}
	}
	return Value{}
}

// Call calls the function v with the input arguments in: weft's Call
// returns at most one result.
func (v Value) Call(in []Value) []Value {
	v.kindIn("Call", Func)
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value.Call using value obtained using unexported field")
	}
	if v.IsNil() {
		panic("reflect: call of nil function")
	}
	t := v.Type()
	if !t.IsVariadic() && len(in) != t.NumIn() {
		panic("reflect: Call with too few input arguments")
	}
	if t.IsVariadic() || t.NumOut() > 1 {
		panic("unsupported: reflect: Call of a variadic function or of one with several results")
	}
	args := make([]interface{}, len(in))
	for i, a := range in {
		if !a.IsValid() {
			panic("reflect: Call using zero Value argument")
		}
		args[i] = a.get()
	}
	r := __rvalue_call(v.get(), args)
	if t.NumOut() == 0 {
		return nil
	}
	return []Value{{typ: __rtype_int(t.(rtype).id, qOut, 0), val: r}}
}

func numeric(k Kind) bool { return k >= Int && k <= Complex128 }

// Convert returns v converted to type t: weft converts numbers (to
// numbers, integers to strings) and strings to strings.
func (v Value) Convert(t Type) Value {
	if v.typ == 0 {
		panic(&ValueError{"reflect.Value.Convert", Invalid})
	}
	vk, tk := v.Kind(), t.Kind()
	ok := numeric(vk) && numeric(tk) && (vk < Complex64) == (tk < Complex64) ||
		vk == String && tk == String ||
		vk >= Int && vk <= Uintptr && tk == String
	if !ok {
		if vk == tk && v.Type() == t {
			return v
		}
		panic("unsupported: reflect.Value.Convert of " + v.Type().String() + " to " + t.String())
	}
	r, id := __rvalue(rvConvert, v.get(), t.(rtype).id)
	return Value{typ: id, val: r, flag: v.flag & flagRO}
}
