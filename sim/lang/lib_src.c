/* lib_src.c: the Go source of weft's library packages, compiled with every
 * scenario that imports them. Library code may call the intrinsics
 * "__name" (lib.h's natives) and use the type __handle, a hidden field
 * holding a lazily created engine object (a copied Mutex is a new Mutex:
 * copies start with no object). Events raised here report the line of the
 * user's code that called in. To add a function: write it here in Go,
 * with a native in a lib_*.c file if it must touch the engine. */
#include <string.h>

#include "sim/lang/lib.h"

static const char src_errors[] =
    "package errors\n"
    "\n"
    "type errorString struct {\n"
    "\ts string\n"
    "}\n"
    "\n"
    "func (e *errorString) Error() string { return e.s }\n"
    "\n"
    "func New(text string) error { return &errorString{text} }\n"
    "\n"
    "func Unwrap(err error) error {\n"
    "\tu, ok := err.(interface{ Unwrap() error })\n"
    "\tif !ok {\n"
    "\t\treturn nil\n"
    "\t}\n"
    "\treturn u.Unwrap()\n"
    "}\n"
    "\n"
    "func Is(err, target error) bool {\n"
    "\tif err == nil || target == nil {\n"
    "\t\treturn err == target\n"
    "\t}\n"
    "\tfor {\n"
    "\t\tif err == target {\n"
    "\t\t\treturn true\n"
    "\t\t}\n"
    "\t\tif x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {\n"
    "\t\t\treturn true\n"
    "\t\t}\n"
    "\t\terr = Unwrap(err)\n"
    "\t\tif err == nil {\n"
    "\t\t\treturn false\n"
    "\t\t}\n"
    "\t}\n"
    "}\n"
    "\n"
    "func As(err error, target any) bool {\n"
    "\tfor err != nil {\n"
    "\t\tif __assign_to(target, err) {\n"
    "\t\t\treturn true\n"
    "\t\t}\n"
    "\t\tif x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {\n"
    "\t\t\treturn true\n"
    "\t\t}\n"
    "\t\terr = Unwrap(err)\n"
    "\t}\n"
    "\treturn false\n"
    "}\n";

static const char src_fmt[] =
    "package fmt\n"
    "\n"
    "import \"errors\"\n"
    "\n"
    "type Stringer interface {\n"
    "\tString() string\n"
    "}\n"
    "\n"
    "type wrapError struct {\n"
    "\tmsg string\n"
    "\terr error\n"
    "}\n"
    "\n"
    "func (e *wrapError) Error() string { return e.msg }\n"
    "func (e *wrapError) Unwrap() error { return e.err }\n"
    "\n"
    "func Sprint(a ...any) string   { return __sprint(a) }\n"
    "func Sprintln(a ...any) string { return __sprintln(a) }\n"
    "func Sprintf(format string, a ...any) string {\n"
    "\treturn __sprintf(format, a)\n"
    "}\n"
    "\n"
    "func Print(a ...any) (int, error) {\n"
    "\ts := __sprint(a)\n"
    "\t__output(s)\n"
    "\treturn len(s), nil\n"
    "}\n"
    "\n"
    "func Println(a ...any) (int, error) {\n"
    "\ts := __sprintln(a)\n"
    "\t__output(s)\n"
    "\treturn len(s), nil\n"
    "}\n"
    "\n"
    "func Printf(format string, a ...any) (int, error) {\n"
    "\ts := __sprintf(format, a)\n"
    "\t__output(s)\n"
    "\treturn len(s), nil\n"
    "}\n"
    "\n"
    "func Errorf(format string, a ...any) error {\n"
    "\ts := __sprintf(format, a)\n"
    "\tvar w error = __wrapped(format, a)\n"
    "\tif w == nil {\n"
    "\t\treturn errors.New(s)\n"
    "\t}\n"
    "\treturn &wrapError{s, w}\n"
    "}\n";

static const char src_sync[] =
    "package sync\n"
    "\n"
    "type Locker interface {\n"
    "\tLock()\n"
    "\tUnlock()\n"
    "}\n"
    "\n"
    "type Mutex struct {\n"
    "\th __handle\n"
    "}\n"
    "\n"
    "func (m *Mutex) Lock()         { __mutex_lock(m) }\n"
    "func (m *Mutex) Unlock()       { __mutex_unlock(m) }\n"
    "func (m *Mutex) TryLock() bool { return __mutex_trylock(m) }\n"
    "\n"
    "type RWMutex struct {\n"
    "\th __handle\n"
    "}\n"
    "\n"
    "func (rw *RWMutex) Lock()           { __rw_lock(rw) }\n"
    "func (rw *RWMutex) Unlock()         { __rw_unlock(rw) }\n"
    "func (rw *RWMutex) RLock()          { __rw_rlock(rw) }\n"
    "func (rw *RWMutex) RUnlock()        { __rw_runlock(rw) }\n"
    "func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }\n"
    "\n"
    "type rlocker RWMutex\n"
    "\n"
    "func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }\n"
    "func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }\n"
    "\n"
    "type WaitGroup struct {\n"
    "\th __handle\n"
    "}\n"
    "\n"
    "func (wg *WaitGroup) Add(delta int) { __wg_add(wg, delta, false) }\n"
    "func (wg *WaitGroup) Done()         { __wg_add(wg, -1, true) }\n"
    "func (wg *WaitGroup) Wait()         { __wg_wait(wg) }\n"
    "\n"
    "func (wg *WaitGroup) Go(f func()) {\n"
    "\twg.Add(1)\n"
    "\tgo func() {\n"
    "\t\tdefer wg.Done()\n"
    "\t\tf()\n"
    "\t}()\n"
    "}\n"
    "\n"
    "type Once struct {\n"
    "\th __handle\n"
    "}\n"
    "\n"
    "func (o *Once) Do(f func()) {\n"
    "\tif __once_begin(o) {\n"
    "\t\tdefer __once_end(o)\n"
    "\t\tf()\n"
    "\t}\n"
    "}\n"
    "\n"
    "func OnceFunc(f func()) func() {\n"
    "\tvar once Once\n"
    "\treturn func() { once.Do(f) }\n"
    "}\n"
    "\n"
    "type Cond struct {\n"
    "\tL Locker\n"
    "\th __handle\n"
    "}\n"
    "\n"
    "func NewCond(l Locker) *Cond { return &Cond{L: l} }\n"
    "\n"
    "func (c *Cond) Wait() {\n"
    "\t__cond_ticket(c)\n"
    "\tc.L.Unlock()\n"
    "\t__cond_park(c)\n"
    "\tc.L.Lock()\n"
    "}\n"
    "\n"
    "func (c *Cond) Signal()    { __cond_signal(c) }\n"
    "func (c *Cond) Broadcast() { __cond_broadcast(c) }\n"
    "\n"
    "type Map struct {\n"
    "\tmu Mutex\n"
    "\tm  map[any]any\n"
    "}\n"
    "\n"
    "func (m *Map) Load(key any) (value any, ok bool) {\n"
    "\tm.mu.Lock()\n"
    "\tvalue, ok = m.m[key]\n"
    "\tm.mu.Unlock()\n"
    "\treturn\n"
    "}\n"
    "\n"
    "func (m *Map) Store(key, value any) {\n"
    "\tm.mu.Lock()\n"
    "\tif m.m == nil {\n"
    "\t\tm.m = map[any]any{}\n"
    "\t}\n"
    "\tm.m[key] = value\n"
    "\tm.mu.Unlock()\n"
    "}\n"
    "\n"
    "func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {\n"
    "\tm.mu.Lock()\n"
    "\tif m.m == nil {\n"
    "\t\tm.m = map[any]any{}\n"
    "\t}\n"
    "\tactual, loaded = m.m[key]\n"
    "\tif !loaded {\n"
    "\t\tm.m[key] = value\n"
    "\t\tactual = value\n"
    "\t}\n"
    "\tm.mu.Unlock()\n"
    "\treturn\n"
    "}\n"
    "\n"
    "func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {\n"
    "\tm.mu.Lock()\n"
    "\tvalue, loaded = m.m[key]\n"
    "\tdelete(m.m, key)\n"
    "\tm.mu.Unlock()\n"
    "\treturn\n"
    "}\n"
    "\n"
    "func (m *Map) Delete(key any) {\n"
    "\tm.mu.Lock()\n"
    "\tdelete(m.m, key)\n"
    "\tm.mu.Unlock()\n"
    "}\n"
    "\n"
    "func (m *Map) Swap(key, value any) (previous any, loaded bool) {\n"
    "\tm.mu.Lock()\n"
    "\tif m.m == nil {\n"
    "\t\tm.m = map[any]any{}\n"
    "\t}\n"
    "\tprevious, loaded = m.m[key]\n"
    "\tm.m[key] = value\n"
    "\tm.mu.Unlock()\n"
    "\treturn\n"
    "}\n"
    "\n"
    "func (m *Map) Range(f func(key, value any) bool) {\n"
    "\tm.mu.Lock()\n"
    "\tvar keys, vals []any\n"
    "\tfor k, v := range m.m {\n"
    "\t\tkeys = append(keys, k)\n"
    "\t\tvals = append(vals, v)\n"
    "\t}\n"
    "\tm.mu.Unlock()\n"
    "\tfor i := range keys {\n"
    "\t\tif !f(keys[i], vals[i]) {\n"
    "\t\t\tbreak\n"
    "\t\t}\n"
    "\t}\n"
    "}\n";

/* Width codes of the atomic natives: 1 int32, 2 int64, 3 uint32,
 * 4 uint64, 5 bool, 6 uintptr. */
#define ATOMIC_TYPE(T, V, C)                                                   \
    "type " T " struct {\n\th __handle\n}\n\n"                                 \
    "func (x *" T ") Load() " V " { return __atomic_load(x, " C ") }\n"        \
    "func (x *" T ") Store(v " V ") { __atomic_store(x, v, " C ") }\n"         \
    "func (x *" T ") Swap(new " V ") " V " {\n"                                \
    "\treturn __atomic_swap(x, new, " C ")\n}\n"                               \
    "func (x *" T ") CompareAndSwap(old, new " V ") bool {\n"                  \
    "\treturn __atomic_cas(x, old, new, " C ")\n}\n\n"
#define ATOMIC_ADD(T, V, C)                                                    \
    "func (x *" T ") Add(delta " V ") " V " {\n"                               \
    "\treturn __atomic_add(x, delta, " C ")\n}\n\n"
#define ATOMIC_FUNCS(N, V, C)                                                  \
    "func Add" N "(addr *" V ", delta " V ") " V " {\n"                        \
    "\treturn __aptr_add(addr, delta, " C ")\n}\n"                             \
    "func Load" N "(addr *" V ") " V " { return __aptr_load(addr, " C ") }\n"  \
    "func Store" N "(addr *" V ", val " V ") {\n"                              \
    "\t__aptr_store(addr, val, " C ")\n}\n"                                    \
    "func Swap" N "(addr *" V ", new " V ") " V " {\n"                         \
    "\treturn __aptr_swap(addr, new, " C ")\n}\n"                              \
    "func CompareAndSwap" N "(addr *" V ", old, new " V ") bool {\n"           \
    "\treturn __aptr_cas(addr, old, new, " C ")\n}\n\n"

static const char src_atomic[] =
    "package atomic\n\n" ATOMIC_TYPE("Int32", "int32", "1")
        ATOMIC_ADD("Int32", "int32", "1") ATOMIC_TYPE("Int64", "int64", "2")
            ATOMIC_ADD("Int64", "int64", "2")
                ATOMIC_TYPE("Uint32", "uint32", "3")
                    ATOMIC_ADD("Uint32", "uint32", "3")
                        ATOMIC_TYPE("Uint64", "uint64", "4")
                            ATOMIC_ADD("Uint64", "uint64", "4")
                                ATOMIC_TYPE("Uintptr", "uintptr", "6")
                                    ATOMIC_ADD("Uintptr", "uintptr", "6")
                                        ATOMIC_TYPE("Bool", "bool", "5")
                                            ATOMIC_FUNCS("Int32", "int32", "1")
                                                ATOMIC_FUNCS("Int64", "int64",
                                                             "2")
                                                    ATOMIC_FUNCS("Uint32",
                                                                 "uint32", "3")
                                                        ATOMIC_FUNCS("Uint64",
                                                                     "uint64",
                                                                     "4")
    "type Value struct {\n"
    "\tv any\n"
    "\th __handle\n"
    "}\n"
    "\n"
    "func (x *Value) Load() any { return __aval_load(x) }\n"
    "func (x *Value) Store(v any) {\n"
    "\tif v == nil {\n"
    "\t\tpanic(\"sync/atomic: store of nil value into Value\")\n"
    "\t}\n"
    "\t__aval_store(x, v)\n"
    "}\n"
    "func (x *Value) Swap(new any) any {\n"
    "\tif new == nil {\n"
    "\t\tpanic(\"sync/atomic: swap of nil value into Value\")\n"
    "\t}\n"
    "\treturn __aval_swap(x, new)\n"
    "}\n";

static const char src_time[] =
    "package time\n"
    "\n"
    "type Duration int64\n"
    "\n"
    "const (\n"
    "\tNanosecond  Duration = 1\n"
    "\tMicrosecond          = 1000 * Nanosecond\n"
    "\tMillisecond          = 1000 * Microsecond\n"
    "\tSecond               = 1000 * Millisecond\n"
    "\tMinute               = 60 * Second\n"
    "\tHour                 = 60 * Minute\n"
    ")\n"
    "\n"
    "func (d Duration) String() string        { return __duration_string(d) }\n"
    "func (d Duration) Nanoseconds() int64    { return int64(d) }\n"
    "func (d Duration) Microseconds() int64   { return int64(d) / 1000 }\n"
    "func (d Duration) Milliseconds() int64   { return int64(d) / 1000000 }\n"
    "func (d Duration) Seconds() float64 {\n"
    "\treturn float64(d/Second) + float64(d%Second)/1e9\n"
    "}\n"
    "func (d Duration) Minutes() float64 {\n"
    "\treturn float64(d/Minute) + float64(d%Minute)/(60*1e9)\n"
    "}\n"
    "func (d Duration) Hours() float64 {\n"
    "\treturn float64(d/Hour) + float64(d%Hour)/(60*60*1e9)\n"
    "}\n"
    "\n"
    "type Time struct {\n"
    "\tns int64\n"
    "}\n"
    "\n"
    "func Now() Time                     { return Time{__now()} }\n"
    "func Since(t Time) Duration         { return Duration(__now() - t.ns) }\n"
    "func Until(t Time) Duration         { return Duration(t.ns - __now()) }\n"
    "func (t Time) Add(d Duration) Time  { return Time{t.ns + int64(d)} }\n"
    "func (t Time) Sub(u Time) Duration  { return Duration(t.ns - u.ns) }\n"
    "func (t Time) Before(u Time) bool   { return t.ns < u.ns }\n"
    "func (t Time) After(u Time) bool    { return t.ns > u.ns }\n"
    "func (t Time) Equal(u Time) bool    { return t.ns == u.ns }\n"
    "func (t Time) Compare(u Time) int {\n"
    "\tif t.ns < u.ns {\n"
    "\t\treturn -1\n"
    "\t}\n"
    "\tif t.ns > u.ns {\n"
    "\t\treturn 1\n"
    "\t}\n"
    "\treturn 0\n"
    "}\n"
    "func (t Time) IsZero() bool         { return t.ns == 0 }\n"
    "func (t Time) UnixNano() int64      { return t.ns }\n"
    "func (t Time) UnixMilli() int64     { return t.ns / 1000000 }\n"
    "\n"
    "func Sleep(d Duration) { __sleep(int64(d)) }\n"
    "\n"
    "func After(d Duration) <-chan Time {\n"
    "\tvar c chan Time\n"
    "\treturn __timer_chan(int64(d), int64(0), Time{}, c)\n"
    "}\n"
    "\n"
    "func Tick(d Duration) <-chan Time {\n"
    "\tif d <= 0 {\n"
    "\t\treturn nil\n"
    "\t}\n"
    "\tvar c chan Time\n"
    "\treturn __timer_chan(int64(d), int64(d), Time{}, c)\n"
    "}\n"
    "\n"
    "type Timer struct {\n"
    "\tC    <-chan Time\n"
    "\tc    chan Time\n"
    "\tf    func()\n"
    "\tstop chan struct{}\n"
    "}\n"
    "\n"
    "func NewTimer(d Duration) *Timer {\n"
    "\tvar c chan Time\n"
    "\tc = __timer_chan(int64(d), int64(0), Time{}, c)\n"
    "\treturn &Timer{C: c, c: c}\n"
    "}\n"
    "\n"
    "// AfterFunc: a goroutine waits for the timer's channel, then runs f (as\n"
    "// Go runs f in its own goroutine); Stop releases it.\n"
    "func AfterFunc(d Duration, f func()) *Timer {\n"
    "\tvar c chan Time\n"
    "\tt := &Timer{c: __timer_chan(int64(d), int64(0), Time{}, c), f: f}\n"
    "\tt.arm()\n"
    "\treturn t\n"
    "}\n"
    "\n"
    "func (t *Timer) arm() {\n"
    "\tc, f, stop := t.c, t.f, make(chan struct{})\n"
    "\tt.stop = stop\n"
    "\tgo func() {\n"
    "\t\tselect {\n"
    "\t\tcase <-c:\n"
    "\t\t\tf()\n"
    "\t\tcase <-stop:\n"
    "\t\t}\n"
    "\t}()\n"
    "}\n"
    "\n"
    "func (t *Timer) Stop() bool {\n"
    "\tok := __timer_stop(t.c)\n"
    "\tif ok && t.f != nil {\n"
    "\t\tclose(t.stop)\n"
    "\t}\n"
    "\treturn ok\n"
    "}\n"
    "\n"
    "func (t *Timer) Reset(d Duration) bool {\n"
    "\tok := __timer_reset(t.c, int64(d))\n"
    "\tif !ok && t.f != nil {\n"
    "\t\tt.arm()\n"
    "\t}\n"
    "\treturn ok\n"
    "}\n"
    "\n"
    "type Ticker struct {\n"
    "\tC <-chan Time\n"
    "}\n"
    "\n"
    "func NewTicker(d Duration) *Ticker {\n"
    "\tif d <= 0 {\n"
    "\t\tpanic(\"non-positive interval for NewTicker\")\n"
    "\t}\n"
    "\tvar c chan Time\n"
    "\treturn &Ticker{C: __timer_chan(int64(d), int64(d), Time{}, c)}\n"
    "}\n"
    "func (t *Ticker) Stop()            { __timer_stop(t.C) }\n"
    "func (t *Ticker) Reset(d Duration) { __timer_reset(t.C, int64(d)) }\n";

static const char src_runtime[] =
    "package runtime\n"
    "\n"
    "func Gosched()            { __gosched() }\n"
    "func NumGoroutine() int   { return __numgoroutine() }\n"
    "func Goexit()             { __goexit() }\n"
    "func GC()                 {}\n"
    "func NumCPU() int         { return 1 }\n"
    "func GOMAXPROCS(n int) int { return 1 }\n";

/* math/rand: the execution's program stream (engine_rand), seeded per
 * execution, so replays draw the same numbers. */
static const char src_rand[] =
    "package rand\n"
    "\n"
    "func Seed(seed int64)  {}\n"
    "func Uint64() uint64   { return __rand() }\n"
    "func Uint32() uint32   { return uint32(__rand() >> 32) }\n"
    "func Int63() int64     { return int64(__rand() >> 1) }\n"
    "func Int31() int32     { return int32(__rand() >> 33) }\n"
    "func Int() int         { return int(__rand() >> 1) }\n"
    "func Float64() float64 { return float64(__rand()>>11) / (1 << 53) }\n"
    "func Float32() float32 { return float32(Float64()) }\n"
    "\n"
    "func Int63n(n int64) int64 {\n"
    "\tif n <= 0 {\n"
    "\t\tpanic(\"invalid argument to Int63n\")\n"
    "\t}\n"
    "\treturn Int63() % n\n"
    "}\n"
    "\n"
    "func Int31n(n int32) int32 {\n"
    "\tif n <= 0 {\n"
    "\t\tpanic(\"invalid argument to Int31n\")\n"
    "\t}\n"
    "\treturn Int31() % n\n"
    "}\n"
    "\n"
    "func Intn(n int) int {\n"
    "\tif n <= 0 {\n"
    "\t\tpanic(\"invalid argument to Intn\")\n"
    "\t}\n"
    "\treturn int(Int63() % int64(n))\n"
    "}\n"
    "\n"
    "func Perm(n int) []int {\n"
    "\tm := make([]int, n)\n"
    "\tfor i := 0; i < n; i++ {\n"
    "\t\tj := Intn(i + 1)\n"
    "\t\tm[i] = m[j]\n"
    "\t\tm[j] = i\n"
    "\t}\n"
    "\treturn m\n"
    "}\n"
    "\n"
    "func Shuffle(n int, swap func(i, j int)) {\n"
    "\tfor i := n - 1; i > 0; i-- {\n"
    "\t\tswap(i, Intn(i+1))\n"
    "\t}\n"
    "}\n";

static const struct {
    const char *path;
    const char *src;
} sources[] = {{"math/rand", src_rand},{"errors", src_errors}, {"fmt", src_fmt},
               {"sync", src_sync},     {"sync/atomic", src_atomic},
               {"time", src_time},     {"runtime", src_runtime}};

/* SPEC section 6: the packages a scenario file may import. */
static const char *const allowed[] = {
    "fmt",     "sync",    "sync/atomic", "time",    "context", "math/rand",
    "errors",  "strings", "strconv",     "testing", "runtime", "log"};

const char *lib_source(const char *path)
{
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
        if (!strcmp(sources[i].path, path))
            return sources[i].src;
    return NULL;
}

bool lib_allowed(const char *path)
{
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (!strcmp(allowed[i], path))
            return true;
    return false;
}

static const lib_native natives[] = {
#define LIB_ROW_(name, nres) {#name, lib_##name, nres},
    LIB_NATIVES(LIB_ROW_)
#undef LIB_ROW_
};

int lib_native_find(const char *name)
{
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++)
        if (!strcmp(natives[i].name, name))
            return (int)i;
    return -1;
}

const lib_native *lib_native_at(int id)
{
    return &natives[id];
}
