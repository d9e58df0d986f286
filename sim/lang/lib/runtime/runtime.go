// Package runtime: scheduling calls on the engine; one simulated CPU.
// weft's runtime has no garbage collector or memory statistics:
// ReadMemStats reports zeros, finalizers never run.
package runtime

const (
	GOOS     = "linux"
	GOARCH   = "amd64"
	Compiler = "gc"
)

func Gosched()                            { __gosched() }
func NumGoroutine() int                   { return __numgoroutine() }
func Goexit()                             { __goexit() }
func GC()                                 {}
func NumCPU() int                         { return 1 }
func GOMAXPROCS(n int) int                { return 1 }
func Version() string                     { return "go1.22-weft" }
func LockOSThread()                       {}
func UnlockOSThread()                     {}
func KeepAlive(x any)                     {}
func SetFinalizer(obj any, finalizer any) {}
func NumCgoCall() int64                   { return 0 }

// MemStats: the fields of Go's, all zero in weft.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
}

// ReadMemStats fills m with weft's statistics: zeros.
func ReadMemStats(m *MemStats) { *m = MemStats{} }
