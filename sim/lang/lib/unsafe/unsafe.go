// Package unsafe: Pointer, to turn a pointer into a uintptr (an address
// weft makes up from the allocation's order, the same in every run), as
// kernels do to hash or pick by address. weft's values have no memory
// layout: a uintptr does not convert back to a pointer, and Sizeof,
// Offsetof and Alignof are not there.
package unsafe

type Pointer = __uptr
