// Package debug: the controls of Go's runtime/debug, which weft's runtime
// accepts and ignores (it has no garbage collector, no real stacks and no
// threads), returning the previous settings as Go does, but for
// SetPanicOnFault, which it honours. Stack gives the calling goroutine's
// frames.
package debug

import (
	"os"
	"runtime"
)

var gcPercent = 100
var maxStack = 1000000000
var maxThreads = 10000

func SetGCPercent(percent int) int {
	old := gcPercent
	gcPercent = percent
	return old
}

func SetMemoryLimit(limit int64) int64 { return 1<<63 - 1 }

func SetMaxStack(bytes int) int {
	old := maxStack
	maxStack = bytes
	return old
}

func SetMaxThreads(threads int) int {
	old := maxThreads
	maxThreads = threads
	return old
}

// SetPanicOnFault makes a fault (an access to memory syscall.Mprotect
// or Munmap made inaccessible) panic instead of crashing the program,
// for the calling goroutine, as Go's does; the previous setting.
func SetPanicOnFault(enabled bool) bool { return __rt_panic_on_fault(enabled) }

func SetTraceback(level string) {}

func FreeOSMemory() {}

// Stack: the calling goroutine's stack as runtime.Stack formats it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

func PrintStack() { os.Stderr.Write(Stack()) }
