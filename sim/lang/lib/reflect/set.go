package reflect

// What sets values and makes them: a settable Value (what a pointer's
// Elem reads, a field or element of one, a slice's element) is written
// through __storep, as the program's own assignment writes it.

func (v Value) mustSet(m string) {
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value." + m + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 || v.ptr == nil {
		panic("reflect: reflect.Value." + m + " using unaddressable value")
	}
}

// store: *v.ptr = x converted (op: rvConvert, numbers) or retagged
// (rvRetag) to v's type, a write of the variable as the program's own.
func (v Value) store(op int, x interface{}) {
	r, _ := __rvalue(op, x, v.typ)
	__storep(v.ptr, r)
}

func (v Value) SetInt(x int64) {
	v.kindIn("SetInt", Int, Int8, Int16, Int32, Int64)
	v.mustSet("SetInt")
	v.store(rvConvert, x)
}

func (v Value) SetUint(x uint64) {
	v.kindIn("SetUint", Uint, Uint8, Uint16, Uint32, Uint64, Uintptr)
	v.mustSet("SetUint")
	v.store(rvConvert, x)
}

func (v Value) SetFloat(x float64) {
	v.kindIn("SetFloat", Float32, Float64)
	v.mustSet("SetFloat")
	v.store(rvConvert, x)
}

func (v Value) SetString(x string) {
	v.kindIn("SetString", String)
	v.mustSet("SetString")
	v.store(rvRetag, x)
}

func (v Value) SetBool(x bool) {
	v.kindIn("SetBool", Bool)
	v.mustSet("SetBool")
	v.store(rvRetag, x)
}

// SetBytes sets v's underlying value (a slice of bytes).
func (v Value) SetBytes(x []byte) {
	v.kindIn("SetBytes", Slice)
	v.mustSet("SetBytes")
	if Kind(__rtype_int(__rtype_int(v.typ, qElem, 0), qKind, 0)) != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	v.store(rvRetag, x)
}

// SetLen sets v's length to n (v a settable slice).
func (v Value) SetLen(n int) {
	v.kindIn("SetLen", Slice)
	v.mustSet("SetLen")
	if n < 0 || n > v.Cap() {
		panic("reflect: slice length out of range in SetLen")
	}
	s := MakeSlice(v.Type(), n, n)
	for i := 0; i < n && i < v.Len(); i++ {
		s.Index(i).Set(v.Index(i))
	}
	v.Set(s)
}

// MakeSlice creates a new zero slice of the given type, length and
// capacity (weft's capacity is its length: cap is checked, then the
// slice is made of length len).
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	r, _ := __rvalue(rvMakeSlice, typ.(rtype).id, len)
	return Value{typ: typ.(rtype).id, val: r}
}

// Append appends the values x to a slice s and returns the resulting
// slice (a new one: weft's MakeSlice has no room to spare).
func Append(s Value, x ...Value) Value {
	s.kindIn("Append", Slice)
	n := s.Len()
	r := MakeSlice(s.Type(), n+len(x), n+len(x))
	for i := 0; i < n; i++ {
		r.Index(i).Set(s.Index(i))
	}
	for i, e := range x {
		r.Index(n + i).Set(e)
	}
	return r
}

// Addr returns a pointer value representing the address of v.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 || v.ptr == nil {
		panic("reflect.Value.Addr of unaddressable value")
	}
	return Value{typ: __rtype(v.ptr), val: v.ptr, flag: v.flag & flagRO}
}

// OverflowInt reports whether the int64 x cannot be represented by v's
// type.
func (v Value) OverflowInt(x int64) bool {
	v.kindIn("OverflowInt", Int, Int8, Int16, Int32, Int64)
	bitSize := uint(v.Type().Bits())
	trunc := (x << (64 - bitSize)) >> (64 - bitSize)
	return x != trunc
}

// OverflowUint reports whether the uint64 x cannot be represented by
// v's type.
func (v Value) OverflowUint(x uint64) bool {
	v.kindIn("OverflowUint", Uint, Uintptr, Uint8, Uint16, Uint32, Uint64)
	bitSize := uint(v.Type().Bits())
	trunc := (x << (64 - bitSize)) >> (64 - bitSize)
	return x != trunc
}

// OverflowFloat reports whether the float64 x cannot be represented by
// v's type.
func (v Value) OverflowFloat(x float64) bool {
	switch v.kindIn("OverflowFloat", Float32, Float64) {
	case Float32:
		if x < 0 {
			x = -x
		}
		return 3.40282346638528859811704183484516925440e+38 < x && x <= 1.79769313486231570814527423731704356798070e+308
	}
	return false
}
