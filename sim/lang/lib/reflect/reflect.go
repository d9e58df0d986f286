// Package reflect: the part of Go's reflect that weft provides: the
// types of values (TypeOf, and Type's String, Name, PkgPath, Kind, Elem,
// Key, Len, NumField, Field, NumIn, In, NumOut, Out, IsVariadic, ChanDir,
// Comparable, AssignableTo, Implements), Kind, StructTag and DeepEqual,
// with Go's wording for their panics. Values (ValueOf, Value, MakeFunc,
// Select, ...) are refused by name when the program is compiled. The
// type descriptors are the VM's own, read through __rtype_int and
// __rtype_str; DeepEqual is the native __deepequal, whose reads (like
// fmt's) are not checked for races.
package reflect

const __refuseValues = "ValueOf Value Zero New NewAt Indirect Append AppendSlice Copy MakeFunc MakeSlice MakeMap MakeMapWithSize MakeChan Select SelectCase SelectDir SelectSend SelectRecv SelectDefault Swapper StructOf ArrayOf SliceOf MapOf ChanOf FuncOf PointerTo PtrTo SliceHeader StringHeader Method MapIter ValueError|weft's reflect describes types (TypeOf, Kind, DeepEqual); it has no reflect.Value to read or build values through"

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
}

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
)

const (
	qString = iota
	qName
	qPkgPath
	qFieldName
	qFieldTag
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
