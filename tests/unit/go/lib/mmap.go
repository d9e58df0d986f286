// mmap: syscall.Mmap of anonymous memory, Mprotect and Munmap: the
// bytes are zero, readable and writable as the protection of their page
// says; a forbidden access faults, a run-time panic under
// debug.SetPanicOnFault (per goroutine, as in Go). Files cannot be
// mapped (weft has none: ENODEV, or EBADF for fd -1).
package main

import (
	"fmt"
	"runtime/debug"
	"syscall"
)

func try(what string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println(what, "faults:", e)
		} else {
			fmt.Println(what, "ok", r)
		}
	}()
	f()
}

var sink byte

func main() {
	p := syscall.Getpagesize()
	_, err := syscall.Mmap(0, 0, p, syscall.PROT_READ, syscall.MAP_SHARED)
	fmt.Println(err)
	_, err = syscall.Mmap(-1, 0, p, syscall.PROT_READ, syscall.MAP_SHARED)
	fmt.Println(err)
	_, err = syscall.Mmap(-1, 0, 0, syscall.PROT_READ, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	fmt.Println(err)

	b, err := syscall.Mmap(-1, 0, 3*p, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	fmt.Println(len(b), cap(b), b[0], b[3*p-1], err)
	b[p] = 7
	fmt.Println(syscall.Mprotect(b[p:2*p], syscall.PROT_READ), syscall.Mprotect(b[1:], syscall.PROT_READ))
	fmt.Println(syscall.Mprotect(b[2*p:], syscall.PROT_NONE))
	debug.SetPanicOnFault(true)
	try("read of a read-only page", func() { sink = b[p] })
	try("write to a read-only page", func() { b[p+1] = 1 })
	try("write to the page before", func() { b[p-1] = 1 })
	try("read of a PROT_NONE page", func() { sink = b[2*p] })
	try("copy from a PROT_NONE page", func() { copy(make([]byte, 4), b[2*p:]) })
	try("copy into a read-only page", func() { copy(b[p:], "xy") })
	try("printing a PROT_NONE page", func() { fmt.Println(b[2*p-1 : 2*p+1]) })
	fmt.Println(b[2*p-2 : 2*p])
	done := make(chan bool)
	go func() {
		fmt.Println("a new goroutine does not panic on fault:", debug.SetPanicOnFault(false))
		done <- true
	}()
	<-done
	fmt.Println(syscall.Munmap(b[1:]), syscall.Munmap(b[p:]), syscall.Munmap(b))
	try("read after Munmap", func() { sink = b[0] })
	fmt.Println(syscall.Munmap(b))
}
