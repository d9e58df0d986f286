// Package runtime: scheduling calls on the engine; one simulated CPU.
package runtime

func Gosched()             { __gosched() }
func NumGoroutine() int    { return __numgoroutine() }
func Goexit()              { __goexit() }
func GC()                  {}
func NumCPU() int          { return 1 }
func GOMAXPROCS(n int) int { return 1 }
