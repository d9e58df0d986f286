// Package unsafe: Pointer, to turn a pointer into a uintptr (an address
// weft makes up from the allocation's order, the same in every run), as
// kernels do to hash or pick by address. weft's values have no memory
// layout: a uintptr does not convert back to a pointer. Sizeof, Alignof
// and Offsetof are constants the type checker computes as gc lays values
// out on amd64 (check_call.c).
package unsafe

type Pointer = __uptr

// Declared for the resolver: the type checker answers every call as a
// constant (check_call.c's unsafe_call), so these bodies never run.
func Sizeof(x any) uintptr   { panic("unsafe.Sizeof") }
func Alignof(x any) uintptr  { panic("unsafe.Alignof") }
func Offsetof(x any) uintptr { panic("unsafe.Offsetof") }
