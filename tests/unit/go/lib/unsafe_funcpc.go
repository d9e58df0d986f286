// unsafe_funcpc: the words of a function value read through
// unsafe.Pointer: an interface's data word holding a func is the address
// of its funcval, whose first word is the code's entry pc (what
// runtime.FuncForPC and reflect's Value.Pointer name), as gc lays them.
package main

import (
	"fmt"
	"reflect"
	"runtime"
	"unsafe"
)

func hello() {}

func funcPC(f interface{}) uintptr {
	var ptr uintptr
	return **(**uintptr)(unsafe.Pointer(uintptr(unsafe.Pointer(&f)) + unsafe.Sizeof(ptr)))
}

func main() {
	pc := funcPC(hello)
	fmt.Println(runtime.FuncForPC(pc).Name(), pc == reflect.ValueOf(hello).Pointer())
	fv := hello
	code := **(**uintptr)(unsafe.Pointer(&fv))
	fmt.Println(code == pc, runtime.FuncForPC(funcPC(fmt.Println)).Name())
}
