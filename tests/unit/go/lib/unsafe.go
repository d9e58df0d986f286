// unsafe: uintptr(unsafe.Pointer(p)) as GoKer's cockroach#10214 and
// cockroach#3710 use it (a message type or a map key picked by address):
// distinct objects get distinct, aligned, stable addresses, a field's
// address differs from its struct's, and unsafe.Pointer converts back to
// the pointer it came from, as does the uintptr (vm_addr.c).
package main

import (
	"fmt"
	"sync"
	"unsafe"
)

type T struct{ a, b int }

func main() {
	x, y := &T{}, &T{}
	px := uintptr(unsafe.Pointer(x))
	py := uintptr(unsafe.Pointer(y))
	fmt.Println(px != 0, px != py, px == uintptr(unsafe.Pointer(x)))
	fmt.Println(px%8 == 0, uintptr(unsafe.Pointer(&x.b)) != px)
	p := unsafe.Pointer(x)
	z := (*T)(p)
	z.a = 7
	fmt.Println(x.a, unsafe.Pointer(nil) == nil, p != nil)
	keys := map[uintptr]*T{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, t := range []*T{x, y} {
		wg.Add(1)
		go func(t *T) {
			defer wg.Done()
			mu.Lock()
			keys[uintptr(unsafe.Pointer(t))] = t
			mu.Unlock()
		}(t)
	}
	wg.Wait()
	fmt.Println(len(keys), keys[px] == x)
	fmt.Println((*T)(unsafe.Pointer(px)) == x, (*T)(unsafe.Pointer(py)).a)
}
