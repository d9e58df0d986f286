// unsafe_raw_slice: unsafe.Slice at an address where weft allocated
// nothing: Go's check that the elements do not run past the end of the
// address space, then a slice at that address whose every access (an
// index, a copy, fmt's printing) is refused, never a value made up.
package main

import (
	"fmt"
	"unsafe"
)

func try(what string, f func()) {
	defer func() { fmt.Println(what+":", recover()) }()
	f()
}

func main() {
	last := (*byte)(unsafe.Pointer(^uintptr(0)))
	fmt.Println(len(unsafe.Slice(last, 1)))
	try("two bytes at the last address", func() { _ = unsafe.Slice(last, 2) })
	try("two words near the end", func() { _ = unsafe.Slice((*uint64)(unsafe.Pointer(^uintptr(0)-8)), 2) })

	p := (*int32)(unsafe.Pointer(uintptr(0x1000)))
	s := unsafe.Slice(p, 4)
	fmt.Println(len(s), cap(s), unsafe.Pointer(&s[0]) == unsafe.Pointer(p), fmt.Sprintf("%p %p", &s[0], &s[1]))
	try("read", func() { fmt.Println(s[1]) })
	try("write", func() { s[2] = 1 })
	try("copy", func() { copy(make([]int32, 2), s) })
	try("print", func() { fmt.Println(s) })
	fmt.Println(len(s[1:3]))
}
