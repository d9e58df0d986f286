package json

import (
	"encoding"
	"encoding/base64"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Unmarshaler is the interface implemented by types that can unmarshal
// a JSON description of themselves.
type Unmarshaler interface {
	UnmarshalJSON([]byte) error
}

// An UnmarshalTypeError describes a JSON value that was not appropriate
// for a value of a specific Go type.
type UnmarshalTypeError struct {
	Value  string
	Type   reflect.Type
	Offset int64
	Struct string
	Field  string
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type.String()
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type.String()
}

// An InvalidUnmarshalError describes an invalid argument passed to
// Unmarshal.
type InvalidUnmarshalError struct {
	Type reflect.Type
}

func (e *InvalidUnmarshalError) Error() string {
	if e.Type == nil {
		return "json: Unmarshal(nil)"
	}
	if e.Type.Kind() != reflect.Pointer {
		return "json: Unmarshal(non-pointer " + e.Type.String() + ")"
	}
	return "json: Unmarshal(nil " + e.Type.String() + ")"
}

// Unmarshal parses the JSON-encoded data and stores the result in the
// value pointed to by v, as Go's does (a syntax error first, before
// anything is stored; a type mismatch is reported after the rest is
// stored).
func Unmarshal(data []byte, v any) error {
	if err := checkValid(data); err != nil {
		return err
	}
	d := &decodeState{data: data}
	return d.unmarshal(v)
}

type decodeState struct {
	data                  []byte
	off                   int
	savedError            error
	useNumber             bool
	disallowUnknownFields bool
	errStruct             reflect.Type
	fieldStack            []string
}

func (d *decodeState) unmarshal(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &InvalidUnmarshalError{reflect.TypeOf(v)}
	}
	d.off = d.ws(0)
	if err := d.value(rv); err != nil {
		return d.addErrorContext(err)
	}
	return d.savedError
}

func (d *decodeState) saveError(err error) {
	if d.savedError == nil {
		d.savedError = d.addErrorContext(err)
	}
}

func (d *decodeState) addErrorContext(err error) error {
	if d.errStruct != nil || len(d.fieldStack) > 0 {
		if e, ok := err.(*UnmarshalTypeError); ok {
			e.Struct = d.errStruct.Name()
			e.Field = strings.Join(d.fieldStack, ".")
		}
	}
	return err
}

func (d *decodeState) ws(i int) int {
	for i < len(d.data) && isSpace(d.data[i]) {
		i++
	}
	return i
}

// skip: the end of the (valid) value at d.off.
func (d *decodeState) end() int {
	s := &scan{data: d.data}
	i, _ := s.value(d.off)
	return i
}

// indirect walks down v allocating pointers as needed, until it gets to
// a non-pointer; it stops at an Unmarshaler or TextUnmarshaler (Go's
// indirect).
func indirect(v reflect.Value, decodingNull bool) (Unmarshaler, encoding.TextUnmarshaler, reflect.Value) {
	v0 := v
	haveAddr := false
	if v.Kind() != reflect.Pointer && v.Type().Name() != "" && v.CanAddr() {
		haveAddr = true
		v = v.Addr()
	}
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			e := v.Elem()
			if e.Kind() == reflect.Pointer && !e.IsNil() && (!decodingNull || e.Elem().Kind() == reflect.Pointer) {
				haveAddr = false
				v = e
				continue
			}
		}
		if v.Kind() != reflect.Pointer {
			break
		}
		if decodingNull && v.CanSet() {
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if v.Type().NumMethod() > 0 && v.CanInterface() {
			if u, ok := v.Interface().(Unmarshaler); ok {
				return u, nil, reflect.Value{}
			}
			if !decodingNull {
				if u, ok := v.Interface().(encoding.TextUnmarshaler); ok {
					return nil, u, reflect.Value{}
				}
			}
		}
		if haveAddr {
			v = v0
			haveAddr = false
		} else {
			v = v.Elem()
		}
	}
	return nil, nil, v
}

// value decodes the value at d.off into v (v invalid: skip it).
func (d *decodeState) value(v reflect.Value) error {
	start := d.off
	switch d.data[d.off] {
	case '{':
		if !v.IsValid() {
			d.off = d.end()
			return nil
		}
		return d.object(v)
	case '[':
		if !v.IsValid() {
			d.off = d.end()
			return nil
		}
		return d.array(v)
	}
	d.off = d.end()
	if !v.IsValid() {
		return nil
	}
	return d.literalStore(d.data[start:d.off], v, false)
}

func (d *decodeState) typeError(what string, t reflect.Type) {
	d.saveError(&UnmarshalTypeError{Value: what, Type: t, Offset: int64(d.off)})
}

// unmarshaler: where the array or object (what) at d.off goes, after
// indirect; done when an Unmarshaler took it (its error) or a
// TextUnmarshaler cannot (a type error saved).
func (d *decodeState) unmarshaler(v reflect.Value, what string) (reflect.Value, bool, error) {
	start := d.off
	u, ut, pv := indirect(v, false)
	if u != nil {
		d.off = d.end()
		return pv, true, u.UnmarshalJSON(d.data[start:d.off])
	}
	if ut != nil {
		d.off = d.end()
		d.typeError(what, v.Type())
		return pv, true, nil
	}
	return pv, false, nil
}

func (d *decodeState) array(v reflect.Value) error {
	start := d.off
	v, done, err := d.unmarshaler(v, "array")
	if done {
		return err
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.NumMethod() == 0 {
			ai := d.arrayInterface()
			v.Set(reflect.ValueOf(ai))
			return nil
		}
		fallthrough
	default:
		d.off = d.end()
		d.typeError("array", v.Type())
		return nil
	case reflect.Array, reflect.Slice:
	}
	// count the elements, then make room for them (weft's slices have
	// no spare capacity for reflect to grow into)
	n := 0
	for i := d.ws(d.off + 1); d.data[i] != ']'; {
		d.off = i
		i = d.ws(d.end())
		n++
		if d.data[i] == ',' {
			i = d.ws(i + 1)
		}
	}
	d.off = start
	if v.Kind() == reflect.Slice && n > v.Len() {
		nv := reflect.MakeSlice(v.Type(), n, n)
		for j := 0; j < v.Len(); j++ {
			nv.Index(j).Set(v.Index(j))
		}
		v.Set(nv)
	}
	i := 0
	d.off = d.ws(d.off + 1)
	for d.data[d.off] != ']' {
		if i < v.Len() {
			if err := d.value(v.Index(i)); err != nil {
				return err
			}
		} else {
			if err := d.value(reflect.Value{}); err != nil {
				return err
			}
		}
		i++
		d.off = d.ws(d.off)
		if d.data[d.off] == ',' {
			d.off = d.ws(d.off + 1)
		}
	}
	d.off++
	if i < v.Len() {
		if v.Kind() == reflect.Array {
			z := reflect.Zero(v.Type().Elem())
			for ; i < v.Len(); i++ {
				v.Index(i).Set(z)
			}
		} else {
			nv := reflect.MakeSlice(v.Type(), i, i)
			for j := 0; j < i; j++ {
				nv.Index(j).Set(v.Index(j))
			}
			v.Set(nv)
		}
	}
	if i == 0 && v.Kind() == reflect.Slice {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return nil
}

func (d *decodeState) object(v reflect.Value) error {
	v, done, err := d.unmarshaler(v, "object")
	if done {
		return err
	}
	t := v.Type()
	if v.Kind() == reflect.Interface && v.NumMethod() == 0 {
		oi := d.objectInterface()
		v.Set(reflect.ValueOf(oi))
		return nil
	}
	var fields []field
	switch v.Kind() {
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
				d.off = d.end()
				d.typeError("object", t)
				return nil
			}
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
	case reflect.Struct:
		fields = typeFields(t)
	default:
		d.off = d.end()
		d.typeError("object", t)
		return nil
	}
	origStruct, origDepth := d.errStruct, len(d.fieldStack)
	d.off = d.ws(d.off + 1)
	for d.data[d.off] != '}' {
		kstart := d.off
		d.off = d.end()
		key, _ := unquote(d.data[kstart:d.off])
		d.off = d.ws(d.off)
		d.off = d.ws(d.off + 1) // ':'
		var subv reflect.Value
		destring := false
		if v.Kind() == reflect.Map {
			subv = reflect.New(t.Elem()).Elem()
		} else {
			var f *field
			for i := range fields {
				if fields[i].name == key {
					f = &fields[i]
					break
				}
			}
			if f == nil {
				for i := range fields {
					if strings.EqualFold(fields[i].name, key) {
						f = &fields[i]
						break
					}
				}
			}
			if f != nil {
				subv = v
				destring = f.quoted
				for _, i := range f.index {
					if subv.Kind() == reflect.Pointer {
						if subv.IsNil() {
							if !subv.CanSet() {
								d.saveError(errorString("json: cannot set embedded pointer to unexported struct: " + subv.Type().Elem().String()))
								subv = reflect.Value{}
								destring = false
								break
							}
							subv.Set(reflect.New(subv.Type().Elem()))
						}
						subv = subv.Elem()
					}
					subv = subv.Field(i)
				}
				d.fieldStack = append(d.fieldStack, f.name)
				d.errStruct = t
			} else if d.disallowUnknownFields {
				d.saveError(errorString("json: unknown field " + strconv.Quote(key)))
			}
		}
		if destring {
			vstart := d.off
			d.off = d.end()
			lit := d.data[vstart:d.off]
			switch lit[0] {
			case 'n':
				if err := d.literalStore(lit, subv, false); err != nil {
					return err
				}
			case '"':
				qv, _ := unquote(lit)
				if err := d.literalStore([]byte(qv), subv, true); err != nil {
					return err
				}
			default:
				d.saveError(errorString("json: invalid use of ,string struct tag, trying to unmarshal unquoted value into " + subv.Type().String()))
			}
		} else if err := d.value(subv); err != nil {
			return err
		}
		if v.Kind() == reflect.Map {
			kt := t.Key()
			var kv reflect.Value
			switch {
			case reflect.PointerTo(kt).Implements(textUnmarshalerType):
				kv = reflect.New(kt)
				if err := d.literalStore([]byte(strconv.Quote(key)), kv, true); err != nil {
					return err
				}
				kv = kv.Elem()
			case kt.Kind() == reflect.String:
				kv = reflect.ValueOf(key).Convert(kt)
			default:
				switch kt.Kind() {
				case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
					n, err := strconv.ParseInt(key, 10, 64)
					if err != nil || reflect.Zero(kt).OverflowInt(n) {
						d.typeError("number "+key, kt)
						break
					}
					kv = reflect.ValueOf(n).Convert(kt)
				case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
					n, err := strconv.ParseUint(key, 10, 64)
					if err != nil || reflect.Zero(kt).OverflowUint(n) {
						d.typeError("number "+key, kt)
						break
					}
					kv = reflect.ValueOf(n).Convert(kt)
				}
			}
			if kv.IsValid() {
				v.SetMapIndex(kv, subv)
			}
		}
		d.off = d.ws(d.off)
		if d.data[d.off] == ',' {
			d.off = d.ws(d.off + 1)
		}
		d.errStruct = origStruct
		d.fieldStack = d.fieldStack[:origDepth]
	}
	d.off++
	return nil
}

func (d *decodeState) convertNumber(s string) (any, error) {
	if d.useNumber {
		return Number(s), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, &UnmarshalTypeError{Value: "number " + s, Type: reflect.TypeOf(0.0), Offset: int64(d.off)}
	}
	return f, nil
}

// literalStore decodes the literal item into v (fromQuoted: item came
// from a ",string" field's string).
func (d *decodeState) literalStore(item []byte, v reflect.Value, fromQuoted bool) error {
	if len(item) == 0 {
		d.saveError(errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String()))
		return nil
	}
	isNull := item[0] == 'n'
	u, ut, pv := indirect(v, isNull)
	if u != nil {
		return u.UnmarshalJSON(item)
	}
	if ut != nil {
		if item[0] != '"' {
			if fromQuoted {
				d.saveError(errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String()))
				return nil
			}
			val := "number"
			switch item[0] {
			case 'n':
				val = "null"
			case 't', 'f':
				val = "bool"
			}
			d.typeError(val, v.Type())
			return nil
		}
		s, ok := unquote(item)
		if !ok {
			if fromQuoted {
				return errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String())
			}
			panic("JSON decoder out of sync - data changing underfoot?")
		}
		return ut.UnmarshalText([]byte(s))
	}
	v = pv
	switch c := item[0]; c {
	case 'n':
		if fromQuoted && string(item) != "null" {
			d.saveError(errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String()))
			break
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.Set(reflect.Zero(v.Type()))
		}
	case 't', 'f':
		value := item[0] == 't'
		if fromQuoted && string(item) != "true" && string(item) != "false" {
			d.saveError(errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String()))
			break
		}
		switch v.Kind() {
		default:
			if fromQuoted {
				d.saveError(errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String()))
			} else {
				d.typeError("bool", v.Type())
			}
		case reflect.Bool:
			v.SetBool(value)
		case reflect.Interface:
			if v.NumMethod() == 0 {
				v.Set(reflect.ValueOf(value))
			} else {
				d.typeError("bool", v.Type())
			}
		}
	case '"':
		s, ok := unquote(item)
		if !ok {
			if fromQuoted {
				return errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String())
			}
			panic("JSON decoder out of sync - data changing underfoot?")
		}
		switch v.Kind() {
		default:
			d.typeError("string", v.Type())
		case reflect.Slice:
			if v.Type().Elem().Kind() != reflect.Uint8 {
				d.typeError("string", v.Type())
				break
			}
			b := make([]byte, base64.StdEncoding.DecodedLen(len(s))+3)
			n, err := base64.StdEncoding.Decode(b, []byte(s))
			if err != nil {
				d.saveError(err)
				break
			}
			nv := reflect.MakeSlice(v.Type(), n, n)
			for i := 0; i < n; i++ {
				nv.Index(i).SetUint(uint64(b[i]))
			}
			v.Set(nv)
		case reflect.String:
			if v.Type() == numberType && !isValidNumber(s) {
				return errorString("json: invalid number literal, trying to unmarshal " + strconv.Quote(string(item)) + " into Number")
			}
			v.SetString(s)
		case reflect.Interface:
			if v.NumMethod() == 0 {
				v.Set(reflect.ValueOf(s))
			} else {
				d.typeError("string", v.Type())
			}
		}
	default:
		if c != '-' && (c < '0' || c > '9') {
			if fromQuoted {
				return errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String())
			}
			panic("JSON decoder out of sync - data changing underfoot?")
		}
		s := string(item)
		switch v.Kind() {
		default:
			if v.Kind() == reflect.String && v.Type() == numberType {
				v.SetString(s)
				break
			}
			if fromQuoted {
				return errorString("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + v.Type().String())
			}
			d.typeError("number", v.Type())
		case reflect.Interface:
			n, err := d.convertNumber(s)
			if err != nil {
				d.saveError(err)
				break
			}
			if v.NumMethod() != 0 {
				d.typeError("number", v.Type())
				break
			}
			v.Set(reflect.ValueOf(n))
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || v.OverflowInt(n) {
				d.typeError("number "+s, v.Type())
				break
			}
			v.SetInt(n)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			n, err := strconv.ParseUint(s, 10, 64)
			if err != nil || v.OverflowUint(n) {
				d.typeError("number "+s, v.Type())
				break
			}
			v.SetUint(n)
		case reflect.Float32, reflect.Float64:
			n, err := strconv.ParseFloat(s, v.Type().Bits())
			if err != nil || v.OverflowFloat(n) {
				d.typeError("number "+s, v.Type())
				break
			}
			v.SetFloat(n)
		}
	}
	return nil
}

// valueInterface: the value at d.off as interface{} (map[string]any,
// []any, string, float64 or Number, bool, nil).
func (d *decodeState) valueInterface() any {
	switch d.data[d.off] {
	case '[':
		return d.arrayInterface()
	case '{':
		return d.objectInterface()
	}
	start := d.off
	d.off = d.end()
	item := d.data[start:d.off]
	switch c := item[0]; c {
	case 'n':
		return nil
	case 't', 'f':
		return c == 't'
	case '"':
		s, _ := unquote(item)
		return s
	}
	n, err := d.convertNumber(string(item))
	if err != nil {
		d.saveError(err)
	}
	return n
}

func (d *decodeState) arrayInterface() []any {
	v := make([]any, 0)
	d.off = d.ws(d.off + 1)
	for d.data[d.off] != ']' {
		v = append(v, d.valueInterface())
		d.off = d.ws(d.off)
		if d.data[d.off] == ',' {
			d.off = d.ws(d.off + 1)
		}
	}
	d.off++
	return v
}

func (d *decodeState) objectInterface() map[string]any {
	m := make(map[string]any)
	d.off = d.ws(d.off + 1)
	for d.data[d.off] != '}' {
		kstart := d.off
		d.off = d.end()
		key, _ := unquote(d.data[kstart:d.off])
		d.off = d.ws(d.off)
		d.off = d.ws(d.off + 1)
		m[key] = d.valueInterface()
		d.off = d.ws(d.off)
		if d.data[d.off] == ',' {
			d.off = d.ws(d.off + 1)
		}
	}
	d.off++
	return m
}

// getu4 decodes \uXXXX from the beginning of s, returning the hex value,
// or it returns -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c = c - '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unquote converts a quoted JSON string literal s into an actual string.
func unquote(s []byte) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	s = s[1 : len(s)-1]
	b := make([]byte, 0, len(s)+8)
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			r++
			if r >= len(s) {
				return "", false
			}
			switch s[r] {
			default:
				return "", false
			case '"', '\\', '/', '\'':
				b = append(b, s[r])
				r++
			case 'b':
				b = append(b, '\b')
				r++
			case 'f':
				b = append(b, '\f')
				r++
			case 'n':
				b = append(b, '\n')
				r++
			case 'r':
				b = append(b, '\r')
				r++
			case 't':
				b = append(b, '\t')
				r++
			case 'u':
				r--
				rr := getu4(s[r:])
				if rr < 0 {
					return "", false
				}
				r += 6
				if utf16.IsSurrogate(rr) {
					rr1 := getu4(s[r:])
					if dec := utf16.DecodeRune(rr, rr1); dec != unicode.ReplacementChar {
						r += 6
						b = utf8.AppendRune(b, dec)
						break
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
			}
		case c == '"', c < ' ':
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			b = utf8.AppendRune(b, rr)
		}
	}
	return string(b), true
}
