// Package json: JSON as RFC 7159 and Go's encoding/json define it,
// written on weft's reflect: Marshal, MarshalIndent, Unmarshal, Valid,
// Compact, Indent, HTMLEscape, Encoder and Decoder, RawMessage, Number,
// the Marshaler and Unmarshaler interfaces (and encoding's Text ones),
// struct tags (a name, "-", omitempty, string), maps with sorted keys,
// []byte as base64, Go's HTML escaping and Go's errors. The values are
// read and written as the program's own reads and writes, so a race on
// a value being marshalled shows. Decoder.Token is not here.
package json

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"math"
	"reflect"
	"sort"
	"strconv"
	"unicode/utf8"
)

const __refuseToken = "Token Delim|weft's encoding/json decodes whole values (Decoder.Decode), not tokens"

// Marshaler is the interface implemented by types that can marshal
// themselves into valid JSON.
type Marshaler interface {
	MarshalJSON() ([]byte, error)
}

// An UnsupportedTypeError is returned by Marshal when attempting to
// encode an unsupported value type.
type UnsupportedTypeError struct {
	Type reflect.Type
}

func (e *UnsupportedTypeError) Error() string {
	return "json: unsupported type: " + e.Type.String()
}

// An UnsupportedValueError is returned by Marshal when attempting to
// encode an unsupported value.
type UnsupportedValueError struct {
	Value reflect.Value
	Str   string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}

// A MarshalerError represents an error from calling a MarshalJSON or
// MarshalText method.
type MarshalerError struct {
	Type       reflect.Type
	Err        error
	sourceFunc string
}

func (e *MarshalerError) Error() string {
	srcFunc := e.sourceFunc
	if srcFunc == "" {
		srcFunc = "MarshalJSON"
	}
	return "json: error calling " + srcFunc + " for type " + e.Type.String() + ": " + e.Err.Error()
}

func (e *MarshalerError) Unwrap() error { return e.Err }

// RawMessage is a raw encoded JSON value.
type RawMessage []byte

// MarshalJSON returns m as the JSON encoding of m.
func (m RawMessage) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	return m, nil
}

// UnmarshalJSON sets *m to a copy of data.
func (m *RawMessage) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errorString("json.RawMessage: UnmarshalJSON on nil pointer")
	}
	*m = append((*m)[0:0], data...)
	return nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

// A Number represents a JSON number literal.
type Number string

func (n Number) String() string { return string(n) }

func (n Number) Float64() (float64, error) { return strconv.ParseFloat(string(n), 64) }

func (n Number) Int64() (int64, error) { return strconv.ParseInt(string(n), 10, 64) }

var (
	marshalerType       = reflect.TypeOf((*Marshaler)(nil)).Elem()
	textMarshalerType   = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	unmarshalerType     = reflect.TypeOf((*Unmarshaler)(nil)).Elem()
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	numberType          = reflect.TypeOf(Number(""))
)

// jsonError wraps an error so that it can be told apart from other
// panics when unwinding.
type jsonError struct{ error }

type encodeState struct {
	bytes.Buffer
	escapeHTML bool
	ptrLevel   int
	ptrSeen    map[uintptr]bool
}

func (e *encodeState) fail(err error) { panic(jsonError{err}) }

func (e *encodeState) marshal(v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(jsonError); ok {
				err = je.error
			} else {
				panic(r)
			}
		}
	}()
	e.reflectValue(reflect.ValueOf(v), false)
	return nil
}

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	e := &encodeState{escapeHTML: true}
	if err := e.marshal(v); err != nil {
		return nil, err
	}
	return append([]byte(nil), e.Bytes()...), nil
}

// MarshalIndent is like Marshal but applies Indent to format the output.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := Indent(&buf, b, prefix, indent); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// marshalerOf: the Marshaler (or TextMarshaler, text) that encodes v,
// as Go picks it: v's own method, else its address's when v is
// addressable; ok false when there is none.
func marshalerOf(v reflect.Value, it reflect.Type) (m any, null bool, ok bool) {
	t := v.Type()
	if t.Implements(it) {
		if t.Kind() == reflect.Pointer && v.IsNil() || t.Kind() == reflect.Interface && v.IsNil() {
			return nil, true, true
		}
		return v.Interface(), false, true
	}
	if t.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(t).Implements(it) {
		return v.Addr().Interface(), false, true
	}
	return nil, false, false
}

func (e *encodeState) reflectValue(v reflect.Value, quoted bool) {
	if !v.IsValid() {
		e.WriteString("null")
		return
	}
	t := v.Type()
	if t.Kind() != reflect.Interface {
		if m, null, ok := marshalerOf(v, marshalerType); ok {
			if null {
				e.WriteString("null")
				return
			}
			b, err := m.(Marshaler).MarshalJSON()
			if err == nil {
				e.Grow(len(b))
				err = compact(&e.Buffer, b, e.escapeHTML)
			}
			if err != nil {
				e.fail(&MarshalerError{t, err, "MarshalJSON"})
			}
			return
		}
		if m, null, ok := marshalerOf(v, textMarshalerType); ok {
			if null {
				e.WriteString("null")
				return
			}
			b, err := m.(encoding.TextMarshaler).MarshalText()
			if err != nil {
				e.fail(&MarshalerError{t, err, "MarshalText"})
			}
			e.str(string(b), e.escapeHTML)
			return
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		if quoted {
			e.WriteByte('"')
		}
		if v.Bool() {
			e.WriteString("true")
		} else {
			e.WriteString("false")
		}
		if quoted {
			e.WriteByte('"')
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.quotedText(strconv.FormatInt(v.Int(), 10), quoted)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.quotedText(strconv.FormatUint(v.Uint(), 10), quoted)
	case reflect.Float32:
		e.float(v, 32, quoted)
	case reflect.Float64:
		e.float(v, 64, quoted)
	case reflect.String:
		if t == numberType {
			numStr := v.String()
			if numStr == "" {
				numStr = "0"
			}
			if !isValidNumber(numStr) {
				e.fail(errorString("json: invalid number literal " + strconv.Quote(numStr)))
			}
			e.quotedText(numStr, quoted)
			return
		}
		if quoted {
			sub := &encodeState{escapeHTML: e.escapeHTML}
			sub.str(v.String(), e.escapeHTML)
			e.str(sub.String(), false)
			return
		}
		e.str(v.String(), e.escapeHTML)
	case reflect.Interface:
		if v.IsNil() {
			e.WriteString("null")
			return
		}
		e.reflectValue(v.Elem(), false)
	case reflect.Struct:
		e.structValue(v)
	case reflect.Map:
		e.mapValue(v)
	case reflect.Slice:
		if v.IsNil() {
			e.WriteString("null")
			return
		}
		et := t.Elem()
		if et.Kind() == reflect.Uint8 {
			p := reflect.PointerTo(et)
			if !p.Implements(marshalerType) && !p.Implements(textMarshalerType) {
				b := make([]byte, v.Len())
				for i := range b {
					b[i] = byte(v.Index(i).Uint())
				}
				e.WriteByte('"')
				e.WriteString(base64.StdEncoding.EncodeToString(b))
				e.WriteByte('"')
				return
			}
		}
		e.ptrEnter(v)
		e.array(v)
		e.ptrLevel--
	case reflect.Array:
		e.array(v)
	case reflect.Pointer:
		if v.IsNil() {
			e.WriteString("null")
			return
		}
		e.ptrEnter(v)
		e.reflectValue(v.Elem(), quoted)
		e.ptrLevel--
	default:
		e.fail(&UnsupportedTypeError{t})
	}
}

// ptrEnter: past 1000 levels of pointers (or slices), Go starts looking
// for a cycle, and reports one as an unsupported value.
func (e *encodeState) ptrEnter(v reflect.Value) {
	e.ptrLevel++
	if e.ptrLevel > 1000 {
		if e.ptrSeen == nil {
			e.ptrSeen = map[uintptr]bool{}
		}
		p := v.Pointer()
		if e.ptrSeen[p] {
			e.fail(&UnsupportedValueError{v, "encountered a cycle via " + v.Type().String()})
		}
		e.ptrSeen[p] = true
	}
}

func (e *encodeState) quotedText(s string, quoted bool) {
	if quoted {
		e.WriteByte('"')
	}
	e.WriteString(s)
	if quoted {
		e.WriteByte('"')
	}
}

func (e *encodeState) float(v reflect.Value, bits int, quoted bool) {
	f := v.Float()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.fail(&UnsupportedValueError{v, strconv.FormatFloat(f, 'g', -1, bits)})
	}
	abs := math.Abs(f)
	fmtc := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			fmtc = 'e'
		}
	}
	s := strconv.FormatFloat(f, fmtc, -1, bits)
	if fmtc == 'e' {
		// clean up e-09 to e-9
		n := len(s)
		if n >= 4 && s[n-4] == 'e' && s[n-3] == '-' && s[n-2] == '0' {
			s = s[:n-2] + s[n-1:]
		}
	}
	e.quotedText(s, quoted)
}

func (e *encodeState) structValue(v reflect.Value) {
	next := byte('{')
	for _, f := range typeFields(v.Type()) {
		fv := v
		for _, i := range f.index {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					fv = reflect.Value{}
					break
				}
				fv = fv.Elem()
			}
			fv = fv.Field(i)
		}
		if !fv.IsValid() || f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		e.WriteByte(next)
		next = ','
		e.str(f.name, e.escapeHTML)
		e.WriteByte(':')
		e.reflectValue(fv, f.quoted)
	}
	if next == '{' {
		e.WriteString("{}")
	} else {
		e.WriteByte('}')
	}
}

func (e *encodeState) mapValue(v reflect.Value) {
	if v.IsNil() {
		e.WriteString("null")
		return
	}
	kt := v.Type().Key()
	switch kt.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
	default:
		if !kt.Implements(textMarshalerType) {
			e.fail(&UnsupportedTypeError{v.Type()})
		}
	}
	e.ptrEnter(v)
	type kv struct {
		ks string
		v  reflect.Value
	}
	var sv []kv
	it := v.MapRange()
	for it.Next() {
		k := it.Key()
		var ks string
		if k.Kind() == reflect.String {
			ks = k.String()
		} else if kt.Implements(textMarshalerType) {
			if k.Kind() == reflect.Pointer && k.IsNil() {
				ks = ""
			} else {
				b, err := k.Interface().(encoding.TextMarshaler).MarshalText()
				if err != nil {
					e.fail(&MarshalerError{k.Type(), err, "MarshalText"})
				}
				ks = string(b)
			}
		} else {
			switch k.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				ks = strconv.FormatInt(k.Int(), 10)
			default:
				ks = strconv.FormatUint(k.Uint(), 10)
			}
		}
		sv = append(sv, kv{ks, it.Value()})
	}
	sort.Slice(sv, func(i, j int) bool { return sv[i].ks < sv[j].ks })
	e.WriteByte('{')
	for i, kv := range sv {
		if i > 0 {
			e.WriteByte(',')
		}
		e.str(kv.ks, e.escapeHTML)
		e.WriteByte(':')
		e.reflectValue(kv.v, false)
	}
	e.WriteByte('}')
	e.ptrLevel--
}

func (e *encodeState) array(v reflect.Value) {
	e.WriteByte('[')
	n := v.Len()
	for i := 0; i < n; i++ {
		if i > 0 {
			e.WriteByte(',')
		}
		e.reflectValue(v.Index(i), false)
	}
	e.WriteByte(']')
}

const hexDigits = "0123456789abcdef"

// safe: an ASCII byte written as it is in a JSON string (html: with
// '<', '>' and '&' escaped too).
func safe(b byte, html bool) bool {
	if b < 0x20 || b == '"' || b == '\\' {
		return false
	}
	return !html || b != '<' && b != '>' && b != '&'
}

// str writes s as a JSON string, as Go 1.19 escapes it.
func (e *encodeState) str(s string, escapeHTML bool) {
	e.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if safe(b, escapeHTML) {
				i++
				continue
			}
			if start < i {
				e.WriteString(s[start:i])
			}
			e.WriteByte('\\')
			switch b {
			case '\\', '"':
				e.WriteByte(b)
			case '\n':
				e.WriteByte('n')
			case '\r':
				e.WriteByte('r')
			case '\t':
				e.WriteByte('t')
			default:
				e.WriteString("u00")
				e.WriteByte(hexDigits[b>>4])
				e.WriteByte(hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			if start < i {
				e.WriteString(s[start:i])
			}
			e.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			if start < i {
				e.WriteString(s[start:i])
			}
			e.WriteString(`\u202`)
			e.WriteByte(hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	if start < len(s) {
		e.WriteString(s[start:])
	}
	e.WriteByte('"')
}

// isValidNumber reports whether s is a valid JSON number literal.
func isValidNumber(s string) bool {
	if s == "" {
		return false
	}
	sc := &scan{data: []byte(s)}
	if c := s[0]; c != '-' && (c < '0' || c > '9') {
		return false
	}
	i, err := sc.num(0)
	return err == nil && i == len(s)
}
