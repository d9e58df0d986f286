// mmap_fault: without debug.SetPanicOnFault, an access to a protected
// page is the program's fatal error, which no recover stops.
package main

import (
	"fmt"
	"syscall"
)

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	b, _ := syscall.Mmap(-1, 0, 4096, syscall.PROT_READ, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	fmt.Println(b[0])
	b[0] = 1
	fmt.Println("not reached")
}
