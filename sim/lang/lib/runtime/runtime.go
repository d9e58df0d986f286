// Package runtime: scheduling calls on the engine; one simulated CPU;
// the calling goroutine's frames, as the runtime reports them.
//
// Garbage collection is not simulated: GC frees nothing. A finalizer set
// by SetFinalizer runs when runtime.GC finds its object unreachable from
// the package variables, the live goroutines (the registers their code
// still reads, as gc's stack maps see them) and the finalizers (each
// GC starts one goroutine running the finalizers it found due, in the
// order they were set); no collection happens otherwise, so a program
// that waits for a finalizer without calling runtime.GC waits in vain.
// ReadMemStats measures the heap as a collection would find it:
// Alloc and HeapAlloc are the bytes (at gc's sizes) of the objects
// reachable from the package variables and the live goroutines; the
// other figures are plausible.
package runtime

func Gosched()             { __gosched() }
func NumGoroutine() int    { return __numgoroutine() }
func Goexit()              { __goexit() }
func GC() {
	// a collection blocks its caller while other goroutines run (Go's
	// concurrent mark): a scheduling point, as Gosched
	__gosched()
	n := int(__rt_gc())
	if n == 0 {
		return
	}
	fns := make([]any, n)
	objs := make([]any, n)
	for i := 0; i < n; i++ {
		fns[i], objs[i] = __rt_fin(i)
	}
	done := make(chan struct{})
	prev, _ := __rt_finchain(done).(chan struct{})
	go runFinalizers(fns, objs, prev, done)
}

// runFinalizers: the finalizers of one collection, after those of the
// collection before (prev) have run: Go runs every finalizer on one
// goroutine, one after another.
func runFinalizers(fns, objs []any, prev, done chan struct{}) {
	if prev != nil {
		<-prev
	}
	for i := range fns {
		__rvalue_call(fns[i], []any{objs[i]})
	}
	close(done)
}
func NumCPU() int          { return 1 }
func GOMAXPROCS(n int) int { return 1 }
func Version() string      { return "go1.22-weft" }
func LockOSThread()        {}
func UnlockOSThread()      {}
func NumCgoCall() int64    { return 0 }

// KeepAlive marks x reachable: with no collector, nothing to do.
func KeepAlive(x any) {}

// SetFinalizer sets obj's finalizer (nil: clears it); it runs after a
// runtime.GC that finds obj unreachable.
func SetFinalizer(obj any, finalizer any) {
	if obj == nil {
		panic("runtime.SetFinalizer: first argument is nil")
	}
	__rt_setfinalizer(obj, finalizer)
}

// Breakpoint ends the program, as Go's breakpoint trap does.
func Breakpoint() { __rt_breakpoint() }

const (
	Compiler = "gc"
	GOOS     = "linux"
	GOARCH   = "amd64"
)

var MemProfileRate int = 512 * 1024

// The profiles record what gc's allocator and scheduler do (its size
// classes, its sampling, its threads), which weft does not simulate.
const __refuse_profiles = "MemProfile MemProfileRecord BlockProfile BlockProfileRecord MutexProfile GoroutineProfile ThreadCreateProfile StackRecord SetBlockProfileRate SetMutexProfileFraction SetCPUProfileRate|weft keeps no memory, block, mutex or CPU profile (its heap and scheduler are not gc's)"

// Error is the interface of run-time errors (index out of range, nil
// dereference, failed type assertion, ...).
type Error interface {
	error
	RuntimeError()
}

// MemStats: fixed figures (no collector runs).
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

func ReadMemStats(m *MemStats) {
	live := uint64(__rt_live())
	*m = MemStats{}
	m.Alloc = live
	m.TotalAlloc = live
	m.Sys = live + 8<<20
	m.Mallocs = 1000 + live/64
	m.Frees = 0
	m.HeapAlloc = live
	m.HeapSys = live + 4<<20
	m.HeapIdle = 4 << 20
	m.HeapInuse = live
	m.HeapObjects = 1000 + live/64
	m.StackInuse = 64 << 10
	m.StackSys = 64 << 10
	m.NextGC = 2*live + 4<<20
	m.EnableGC = true
}

// Caller: the file and line of the call skip frames above the caller
// of Caller (0: that caller itself).
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	pc = __rt_pc(skip + 1)
	if pc == 0 {
		return 0, "", 0, false
	}
	file, line = __rt_fileline(pc)
	return pc, file, line, true
}

// Callers fills pc with the calling goroutine's program counters, skip
// frames from the innermost (0: Callers itself).
func Callers(skip int, pc []uintptr) int {
	n := 0
	for n < len(pc) {
		p := __rt_pc(skip + n)
		if p == 0 {
			break
		}
		pc[n] = p
		n++
	}
	return n
}

type Func struct {
	name  string
	entry uintptr
}

// FuncForPC: the function holding pc, or nil.
func FuncForPC(pc uintptr) *Func {
	name := __rt_funcname(pc)
	if name == "" {
		return nil
	}
	// one *Func per function, as Go's point into its function table
	entry := pc&^(1<<20-1) | 1
	return __rt_funccache(entry, &Func{name: name, entry: entry}).(*Func)
}

func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return __rt_fileline(pc)
}

type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

type Frames struct {
	pcs []uintptr
}

func CallersFrames(callers []uintptr) *Frames {
	return &Frames{pcs: callers}
}

func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.pcs) == 0 {
		return Frame{}, false
	}
	pc := ci.pcs[0]
	ci.pcs = ci.pcs[1:]
	f := FuncForPC(pc)
	frame.PC = pc
	frame.Func = f
	frame.Function = f.Name()
	frame.Entry = f.Entry()
	frame.File, frame.Line = __rt_fileline(pc)
	return frame, len(ci.pcs) > 0
}

// Stack formats the calling goroutine's stack into buf (all: the other
// goroutines too, as far as weft reports them: the caller's only).
func Stack(buf []byte, all bool) int {
	return copy(buf, __rt_stack(all))
}
