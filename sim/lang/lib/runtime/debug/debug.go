// Package debug: the controls of Go's runtime/debug, which weft's runtime
// accepts and ignores (it has no garbage collector, no real stacks and no
// threads), returning the previous settings as Go does. Stack gives only
// the calling goroutine's header line.
package debug

import "os"

var gcPercent = 100
var maxStack = 1000000000
var maxThreads = 10000
var panicOnFault = false

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

func SetPanicOnFault(enabled bool) bool {
	old := panicOnFault
	panicOnFault = enabled
	return old
}

func SetTraceback(level string) {}

func FreeOSMemory() {}

// Stack: weft keeps no machine stacks; the header of the current
// goroutine only.
func Stack() []byte { return []byte("goroutine 1 [running]:\n") }

func PrintStack() { os.Stderr.Write(Stack()) }
