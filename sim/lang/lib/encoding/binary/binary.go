// Package binary: numbers as byte sequences and varints, as Go's
// encoding/binary: ByteOrder (LittleEndian, BigEndian, NativeEndian,
// with the Append forms), the varint functions, and Read, Write and Size
// of fixed-size values (numbers, bools, and arrays, slices and structs of
// them), through weft's reflect.
package binary

import (
	"errors"
	"io"
	"math"
	"reflect"
)

// A ByteOrder specifies how to convert byte slices into unsigned
// integers.
type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}

// AppendByteOrder specifies how to append unsigned integers to a byte
// slice.
type AppendByteOrder interface {
	AppendUint16([]byte, uint16) []byte
	AppendUint32([]byte, uint32) []byte
	AppendUint64([]byte, uint64) []byte
	String() string
}

// LittleEndian is the little-endian implementation of ByteOrder and
// AppendByteOrder.
var LittleEndian littleEndian

// BigEndian is the big-endian implementation of ByteOrder and
// AppendByteOrder.
var BigEndian bigEndian

// NativeEndian is the native-endian implementation (amd64's: little).
var NativeEndian nativeEndian

type littleEndian struct{}

func (littleEndian) Uint16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[0]) | uint16(b[1])<<8
}

func (littleEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
}

func (littleEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v), byte(v>>8))
}

func (littleEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (littleEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
}

func (littleEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

func (littleEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func (littleEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

func (littleEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24),
		byte(v>>32), byte(v>>40), byte(v>>48), byte(v>>56))
}

func (littleEndian) String() string   { return "LittleEndian" }
func (littleEndian) GoString() string { return "binary.LittleEndian" }

type bigEndian struct{}

func (bigEndian) Uint16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[1]) | uint16(b[0])<<8
}

func (bigEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v >> 8)
	b[1] = byte(v)
}

func (bigEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v>>8), byte(v))
}

func (bigEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

func (bigEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v >> 24)
	b[1] = byte(v >> 16)
	b[2] = byte(v >> 8)
	b[3] = byte(v)
}

func (bigEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

func (bigEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (56 - 8*i))
	}
}

func (bigEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32),
		byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) String() string   { return "BigEndian" }
func (bigEndian) GoString() string { return "binary.BigEndian" }

type nativeEndian struct{ littleEndian }

func (nativeEndian) String() string   { return "NativeEndian" }
func (nativeEndian) GoString() string { return "binary.NativeEndian" }

// Read reads structured binary data from r into data, which must be a
// pointer to fixed-size values or a slice of them.
func Read(r io.Reader, order ByteOrder, data any) error {
	n := intDataSize(data)
	if n == 0 {
		v := reflect.ValueOf(data)
		size := -1
		switch v.Kind() {
		case reflect.Pointer:
			v = v.Elem()
			size = dataSize(v)
		case reflect.Slice:
			size = dataSize(v)
		}
		if size < 0 {
			return errors.New("binary.Read: invalid type " + reflect.TypeOf(data).String())
		}
		bs := make([]byte, size)
		if _, err := io.ReadFull(r, bs); err != nil {
			return err
		}
		d := &coder{order: order, buf: bs}
		d.value(v)
		return nil
	}
	bs := make([]byte, n)
	if _, err := io.ReadFull(r, bs); err != nil {
		return err
	}
	switch data := data.(type) {
	case *bool:
		*data = bs[0] != 0
	case *int8:
		*data = int8(bs[0])
	case *uint8:
		*data = bs[0]
	case *int16:
		*data = int16(order.Uint16(bs))
	case *uint16:
		*data = order.Uint16(bs)
	case *int32:
		*data = int32(order.Uint32(bs))
	case *uint32:
		*data = order.Uint32(bs)
	case *int64:
		*data = int64(order.Uint64(bs))
	case *uint64:
		*data = order.Uint64(bs)
	case *float32:
		*data = math.Float32frombits(order.Uint32(bs))
	case *float64:
		*data = math.Float64frombits(order.Uint64(bs))
	case []bool:
		for i, x := range bs {
			data[i] = x != 0
		}
	case []int8:
		for i, x := range bs {
			data[i] = int8(x)
		}
	case []uint8:
		copy(data, bs)
	case []int16:
		for i := range data {
			data[i] = int16(order.Uint16(bs[2*i:]))
		}
	case []uint16:
		for i := range data {
			data[i] = order.Uint16(bs[2*i:])
		}
	case []int32:
		for i := range data {
			data[i] = int32(order.Uint32(bs[4*i:]))
		}
	case []uint32:
		for i := range data {
			data[i] = order.Uint32(bs[4*i:])
		}
	case []int64:
		for i := range data {
			data[i] = int64(order.Uint64(bs[8*i:]))
		}
	case []uint64:
		for i := range data {
			data[i] = order.Uint64(bs[8*i:])
		}
	case []float32:
		for i := range data {
			data[i] = math.Float32frombits(order.Uint32(bs[4*i:]))
		}
	case []float64:
		for i := range data {
			data[i] = math.Float64frombits(order.Uint64(bs[8*i:]))
		}
	}
	return nil
}

// Write writes the binary representation of data into w.
func Write(w io.Writer, order ByteOrder, data any) error {
	v := reflect.Indirect(reflect.ValueOf(data))
	size := dataSize(v)
	if size < 0 {
		return errors.New("binary.Write: invalid type " + reflect.TypeOf(data).String())
	}
	e := &coder{order: order, buf: make([]byte, 0, size)}
	e.put(v)
	_, err := w.Write(e.buf)
	return err
}

// Append appends the binary representation of data to buf.
func Append(buf []byte, order ByteOrder, data any) ([]byte, error) {
	v := reflect.Indirect(reflect.ValueOf(data))
	if dataSize(v) < 0 {
		return nil, errors.New("binary.Append: invalid type " + reflect.TypeOf(data).String())
	}
	e := &coder{order: order, buf: buf}
	e.put(v)
	return e.buf, nil
}

// Size returns how many bytes Write would generate to encode v, or -1.
func Size(v any) int { return dataSize(reflect.Indirect(reflect.ValueOf(v))) }

// intDataSize: the size of data if it is one of Read's fast-path types.
func intDataSize(data any) int {
	switch data := data.(type) {
	case bool, int8, uint8, *bool, *int8, *uint8:
		return 1
	case []bool:
		return len(data)
	case []int8:
		return len(data)
	case []uint8:
		return len(data)
	case int16, uint16, *int16, *uint16:
		return 2
	case []int16:
		return 2 * len(data)
	case []uint16:
		return 2 * len(data)
	case int32, uint32, *int32, *uint32, float32, *float32:
		return 4
	case []int32:
		return 4 * len(data)
	case []uint32:
		return 4 * len(data)
	case []float32:
		return 4 * len(data)
	case int64, uint64, *int64, *uint64, float64, *float64:
		return 8
	case []int64:
		return 8 * len(data)
	case []uint64:
		return 8 * len(data)
	case []float64:
		return 8 * len(data)
	}
	return 0
}

func dataSize(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Slice:
		if s := sizeof(v.Type().Elem()); s >= 0 {
			return s * v.Len()
		}
		return -1
	case reflect.Struct:
		return sizeof(v.Type())
	}
	if !v.IsValid() {
		return -1
	}
	return sizeof(v.Type())
}

func sizeof(t reflect.Type) int {
	switch t.Kind() {
	case reflect.Array:
		if s := sizeof(t.Elem()); s >= 0 {
			return s * t.Len()
		}
	case reflect.Struct:
		sum := 0
		for i, n := 0, t.NumField(); i < n; i++ {
			s := sizeof(t.Field(i).Type)
			if s < 0 {
				return -1
			}
			sum += s
		}
		return sum
	case reflect.Bool, reflect.Uint8, reflect.Int8:
		return 1
	case reflect.Uint16, reflect.Int16:
		return 2
	case reflect.Uint32, reflect.Int32, reflect.Float32:
		return 4
	case reflect.Uint64, reflect.Int64, reflect.Float64, reflect.Complex64:
		return 8
	case reflect.Complex128:
		return 16
	}
	return -1
}

type coder struct {
	order ByteOrder
	buf   []byte
	off   int
}

func (e *coder) u16(x uint16) {
	e.buf = append(e.buf, 0, 0)
	e.order.PutUint16(e.buf[len(e.buf)-2:], x)
}
func (e *coder) u32(x uint32) {
	e.buf = append(e.buf, 0, 0, 0, 0)
	e.order.PutUint32(e.buf[len(e.buf)-4:], x)
}
func (e *coder) u64(x uint64) {
	e.buf = append(e.buf, 0, 0, 0, 0, 0, 0, 0, 0)
	e.order.PutUint64(e.buf[len(e.buf)-8:], x)
}

// put appends v's encoding (blank fields as zeros, as Go's Write).
func (e *coder) put(v reflect.Value) {
	switch v.Kind() {
	case reflect.Array, reflect.Slice:
		for i, n := 0, v.Len(); i < n; i++ {
			e.put(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i, n := 0, v.NumField(); i < n; i++ {
			if t.Field(i).Name == "_" {
				e.buf = append(e.buf, make([]byte, sizeof(t.Field(i).Type))...)
				continue
			}
			e.put(v.Field(i))
		}
	case reflect.Bool:
		if v.Bool() {
			e.buf = append(e.buf, 1)
		} else {
			e.buf = append(e.buf, 0)
		}
	case reflect.Int8:
		e.buf = append(e.buf, byte(v.Int()))
	case reflect.Int16:
		e.u16(uint16(v.Int()))
	case reflect.Int32:
		e.u32(uint32(v.Int()))
	case reflect.Int64:
		e.u64(uint64(v.Int()))
	case reflect.Uint8:
		e.buf = append(e.buf, byte(v.Uint()))
	case reflect.Uint16:
		e.u16(uint16(v.Uint()))
	case reflect.Uint32:
		e.u32(uint32(v.Uint()))
	case reflect.Uint64:
		e.u64(v.Uint())
	case reflect.Float32:
		e.u32(math.Float32bits(float32(v.Float())))
	case reflect.Float64:
		e.u64(math.Float64bits(v.Float()))
	case reflect.Complex64:
		x := v.Complex()
		e.u32(math.Float32bits(float32(real(x))))
		e.u32(math.Float32bits(float32(imag(x))))
	case reflect.Complex128:
		x := v.Complex()
		e.u64(math.Float64bits(real(x)))
		e.u64(math.Float64bits(imag(x)))
	}
}

func (d *coder) take(n int) []byte {
	b := d.buf[d.off : d.off+n]
	d.off += n
	return b
}

// value decodes into v (settable), as Go's Read (blank fields skipped).
func (d *coder) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Array, reflect.Slice:
		for i, n := 0, v.Len(); i < n; i++ {
			d.value(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i, n := 0, v.NumField(); i < n; i++ {
			if t.Field(i).Name == "_" {
				d.off += sizeof(t.Field(i).Type)
				continue
			}
			d.value(v.Field(i))
		}
	case reflect.Bool:
		v.SetBool(d.take(1)[0] != 0)
	case reflect.Int8:
		v.SetInt(int64(int8(d.take(1)[0])))
	case reflect.Int16:
		v.SetInt(int64(int16(d.order.Uint16(d.take(2)))))
	case reflect.Int32:
		v.SetInt(int64(int32(d.order.Uint32(d.take(4)))))
	case reflect.Int64:
		v.SetInt(int64(d.order.Uint64(d.take(8))))
	case reflect.Uint8:
		v.SetUint(uint64(d.take(1)[0]))
	case reflect.Uint16:
		v.SetUint(uint64(d.order.Uint16(d.take(2))))
	case reflect.Uint32:
		v.SetUint(uint64(d.order.Uint32(d.take(4))))
	case reflect.Uint64:
		v.SetUint(d.order.Uint64(d.take(8)))
	case reflect.Float32:
		v.SetFloat(float64(math.Float32frombits(d.order.Uint32(d.take(4)))))
	case reflect.Float64:
		v.SetFloat(math.Float64frombits(d.order.Uint64(d.take(8))))
	case reflect.Complex64:
		re := math.Float32frombits(d.order.Uint32(d.take(4)))
		im := math.Float32frombits(d.order.Uint32(d.take(4)))
		v.Set(reflect.ValueOf(complex(re, im)).Convert(v.Type()))
	case reflect.Complex128:
		re := math.Float64frombits(d.order.Uint64(d.take(8)))
		im := math.Float64frombits(d.order.Uint64(d.take(8)))
		v.Set(reflect.ValueOf(complex(re, im)).Convert(v.Type()))
	}
}
