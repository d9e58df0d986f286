// Package testing: T and its methods, subtests, and __main, which runs one
// test as the program's main goroutine.
package testing

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

type TB interface {
	Cleanup(func())
	Context() context.Context
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
}

type common struct {
	mu       sync.Mutex
	name     string
	failed   bool
	skipped  bool
	cleanups []func()
	done     bool // the test and its cleanups have returned
	parent   *common
	ctx      context.Context // Context's, made on its first call
	cancel   context.CancelFunc
}

type T struct {
	common
	subNames map[string]int // the subtest names given so far (Run)
	ptest    *T             // the parent test (nil for a top-level test)
	parallel bool           // Parallel was called
	signal   chan struct{}  // to the parent: went parallel, or returned
	barrier  chan struct{}  // closed when f returned: parallel subtests go on
	psubs    []*T           // the subtests that called Parallel
}

func (c *common) Name() string { return c.name }
func (c *common) Helper()      {}

func (c *common) Failed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failed
}

func (c *common) Skipped() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.skipped
}

func (c *common) fail(msg string, always bool) {
	if c.parent != nil {
		c.parent.markFailed()
	}
	c.mu.Lock()
	if c.done {
		c.mu.Unlock()
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	first := !c.failed
	c.failed = true
	c.mu.Unlock()
	if first || always {
		__test_error(c.name, msg)
	}
}

func (c *common) markFailed() {
	if c.parent != nil {
		c.parent.markFailed()
	}
	c.mu.Lock()
	c.failed = true
	c.mu.Unlock()
}

func (c *common) Fail()    { c.fail("", false) }
func (c *common) FailNow() { c.fail("", false); runtime.Goexit() }

func (c *common) Error(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.fail(fmt.Sprintln(args...), true)
}
func (c *common) Errorf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.fail(fmt.Sprintf(format, args...), true)
}
func (c *common) Fatal(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.fail(fmt.Sprintln(args...), true)
	runtime.Goexit()
}
func (c *common) Fatalf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.fail(fmt.Sprintf(format, args...), true)
	runtime.Goexit()
}

// log, as go test's: once the test has completed, the message goes to
// the nearest parent still running, or panics if there is none.
func (c *common) log(s string) {
	c.mu.Lock()
	done := c.done
	c.mu.Unlock()
	if done {
		for p := c.parent; p != nil; p = p.parent {
			p.mu.Lock()
			pd := p.done
			p.mu.Unlock()
			if !pd {
				return
			}
		}
		if len(s) > 0 && s[len(s)-1] == '\n' {
			s = s[:len(s)-1]
		}
		panic("Log in goroutine after " + c.name + " has completed: " + s)
	}
}

func (c *common) Log(args ...any) {
	s := fmt.Sprintln(args...)
	c.log(s)
	fmt.Print("    " + s)
}
func (c *common) Logf(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	c.log(s)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		s += "\n"
	}
	fmt.Print("    " + s)
}

func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.mu.Unlock()
	runtime.Goexit()
}
func (c *common) Skip(args ...any) { c.Log(args...); c.SkipNow() }
func (c *common) Skipf(format string, args ...any) {
	c.Logf(format, args...)
	c.SkipNow()
}

func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	c.cleanups = append(c.cleanups, f)
	c.mu.Unlock()
}

func (c *common) finish() {
	c.mu.Lock()
	c.done = true
	c.mu.Unlock()
}

// Context returns a context that is canceled just before the cleanup
// functions registered with Cleanup are called (Go 1.24).
func (c *common) Context() context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx == nil {
		c.ctx, c.cancel = context.WithCancel(context.Background())
	}
	return c.ctx
}

func (c *common) runCleanups() {
	// (read without c.mu: a lock here changes every test's interleavings;
	// Context is called before the test returns, from its goroutine or
	// one it waits for)
	if c.cancel != nil {
		c.cancel()
	}
	for i := len(c.cleanups) - 1; i >= 0; i-- {
		c.cleanups[i]()
	}
}

// Parallel, as go test's: the subtest's Run returns to its parent at
// once, and the subtest goes on when the parent's function has returned,
// concurrently with the parent's other parallel subtests; the parent's
// cleanups run, and the parent completes, when they all have. weft runs
// each top-level test alone: there it only records the call.
func (t *T) Parallel() {
	if t.parallel {
		panic("testing: t.Parallel called multiple times")
	}
	t.parallel = true
	if t.ptest == nil {
		return
	}
	t.ptest.psubs = append(t.ptest.psubs, t)
	t.signal <- struct{}{}
	<-t.ptest.barrier
}

func (t *T) Setenv(key, value string) {}

// Run runs f as subtest name in its own goroutine and waits for it, as
// go test does; a FailNow in f ends the subtest only.
// The subtest's name is rewritten as go test rewrites it (spaces to
// underscores, a repeated name suffixed #01, #02, ...); a subtest that
// -run does not select is not run, and Run returns true.
func (t *T) Run(name string, f func(t *T)) bool {
	sub := &T{}
	sub.name = t.name + "/" + t.uniqueName(name)
	if !__run_selects(sub.name) {
		return true
	}
	sub.parent = &t.common
	sub.ptest = t
	sub.signal = make(chan struct{})
	sub.barrier = make(chan struct{})
	go tRunner(sub, f)
	<-sub.signal
	if sub.parallel {
		return true
	}
	if sub.Failed() {
		t.mu.Lock()
		t.failed = true
		t.mu.Unlock()
	}
	return !sub.Failed()
}

func (t *T) uniqueName(name string) string {
	b := []byte(name)
	for i, c := range b {
		if c == ' ' {
			b[i] = '_'
		}
	}
	name = string(b)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.subNames == nil {
		t.subNames = map[string]int{}
	}
	n := t.subNames[name]
	t.subNames[name] = n + 1
	if n == 0 {
		return name
	}
	s := "#"
	if n < 10 {
		s += "0"
	}
	return name + s + itoa(n)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func tRunner(t *T, f func(t *T)) {
	defer func() { t.signal <- struct{}{} }()
	defer t.finish()
	defer t.afterRun()
	f(t)
}

// afterRun, once t's function has returned: its parallel subtests are let
// go and waited for, then t's cleanups run.
func (t *T) afterRun() {
	if len(t.psubs) > 0 {
		close(t.barrier)
		for _, sub := range t.psubs {
			<-sub.signal
		}
	}
	t.runCleanups()
}

// B is a benchmark's state. weft runs tests, not benchmarks: a
// BenchmarkXxx function compiles but does not run (go test runs none
// without -bench either).
type B struct {
	common
	N     int
	loopN int
}

func (b *B) ResetTimer()                         {}
func (b *B) StartTimer()                         {}
func (b *B) StopTimer()                          {}
func (b *B) ReportAllocs()                       {}
func (b *B) SetBytes(n int64)                    {}
func (b *B) SetParallelism(p int)                {}
func (b *B) ReportMetric(n float64, unit string) {}
func (b *B) Run(name string, f func(b *B)) bool  { return true }
func (b *B) RunParallel(body func(*PB))          {}

// Loop reports whether the benchmark should run one more iteration: b.N
// iterations in all (Go 1.24).
func (b *B) Loop() bool {
	if b.loopN < b.N {
		b.loopN++
		return true
	}
	return false
}

// PB iterates a parallel benchmark's body (never run by weft).
type PB struct{}

func (pb *PB) Next() bool { return false }

// M is TestMain's argument. weft runs each test alone, on every
// interleaving: when the package has a TestMain, the execution calls it,
// and m.Run runs that one test, in a goroutine of its own as go test's
// tRunner does (an Example in the calling goroutine, as go test runs
// it), and returns the code go test would exit with (1 when the test
// failed), so TestMain's set-up and tear-down run around it. What
// TestMain decides after a passing m.Run (a nonzero os.Exit) judges
// the whole run of the package's tests, which weft does not run
// together: not this test's failure (lib_log.c).
type M struct {
	name string
	f    func(t *T)
	ex   *example // or an Example to run
}

func (m *M) Run() (code int) {
	if m.ex != nil {
		if !m.ex.run() {
			return 1
		}
		__test_passed()
		return 0
	}
	t := &T{}
	t.name = m.name
	t.signal = make(chan struct{})
	t.barrier = make(chan struct{})
	go tRunner(t, m.f)
	<-t.signal
	if t.Failed() {
		return 1
	}
	__test_passed()
	return 0
}

// __main_m runs test name through the package's TestMain tm.
func __main_m(name string, f func(t *T), tm func(m *M)) {
	tm(&M{name: name, f: f})
}

// AllocsPerRun calls f runs times (after one warm-up call, as Go does)
// and reports the allocations per run: weft's heap counts none.
func AllocsPerRun(runs int, f func()) (avg float64) {
	f()
	for i := 0; i < runs; i++ {
		f()
	}
	return 0
}

func Short() bool   { return false }
func Verbose() bool { return false }
func Testing() bool { return true }

// __main runs test name as the program's main goroutine.
func __main(name string, f func(t *T)) {
	t := &T{}
	t.name = name
	t.barrier = make(chan struct{})
	defer t.finish()
	defer t.afterRun()
	f(t)
}

// An Example with an output comment: go test runs it, as go test's
// runExample does, and compares what it printed to standard output with
// want, the comment's text.
type example struct {
	name      string
	f         func()
	want      string
	unordered bool
}

// run runs the example in the calling goroutine with its standard output
// captured from its start to its return; an output other than want fails
// it (an assert finding with go test's got:/want: text). A panic goes
// on, uncompared, as go test re-panics it.
func (eg *example) run() (ok bool) {
	finished := false
	__capture(true)
	defer func() {
		got := __capture(false)
		if !finished {
			return
		}
		if msg := __example_diff(got, eg.want, eg.unordered); msg != "" {
			__test_error(eg.name, msg)
			ok = false
		}
	}()
	eg.f()
	finished = true
	return true
}

// __example runs Example name as the program's main goroutine.
func __example(name string, f func(), want string, unordered bool) {
	eg := &example{name, f, want, unordered}
	eg.run()
}

// __example_m runs Example name through the package's TestMain tm.
func __example_m(name string, f func(), want string, unordered bool, tm func(m *M)) {
	tm(&M{name: name, ex: &example{name, f, want, unordered}})
}
