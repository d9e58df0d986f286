// Package unsafe: Pointer, and the conversions between it and uintptr
// over addresses weft makes up (vm_addr.c): laid out as gc lays values
// out on amd64, given in execution order, the same in every run, so
// that an address converts back to the object, field or element at it.
// An address where no object weft allocated starts a field or element
// does not convert back (unsupported). Sizeof, Alignof and Offsetof are
// constants the type checker computes (check_call.c); Add is pointer
// arithmetic over those addresses; Slice and SliceData reach the
// elements of an array.
package unsafe

type Pointer = __uptr

// Declared for the resolver: the type checker answers every call as a
// constant (check_call.c's unsafe_call), so these bodies never run.
func Sizeof(x any) uintptr   { panic("unsafe.Sizeof") }
func Alignof(x any) uintptr  { panic("unsafe.Alignof") }
func Offsetof(x any) uintptr { panic("unsafe.Offsetof") }

type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// Add returns ptr+len (len may be negative).
func Add[I integer](ptr Pointer, len I) Pointer {
	return Pointer(uintptr(ptr) + uintptr(len))
}

// Slice returns the slice of len elements whose array starts at ptr.
func Slice[T any, I integer](ptr *T, len I) []T {
	var s []T
	n := int64(len)
	// a length an int64 cannot hold (a huge unsigned) is out of range
	big := len > 0 && n < 0
	return __unsafe_slice(ptr, n, big, s).([]T)
}

// SliceData returns a pointer to the underlying array of s.
func SliceData[T any](s []T) *T {
	if s == nil {
		return nil
	}
	if cap(s) == 0 {
		return new(T) // Go: "a non-nil pointer to an unspecified address"
	}
	return &s[:1][0]
}
