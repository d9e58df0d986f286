// Package time: virtual time (SPEC section 2): Sleep, timers and tickers on
// the engine's clock; instants and their calendar are in instant.go,
// layouts in format.go and parse.go.
package time

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func (d Duration) String() string      { return __duration_string(d) }
func (d Duration) Nanoseconds() int64  { return int64(d) }
func (d Duration) Microseconds() int64 { return int64(d) / 1000 }
func (d Duration) Milliseconds() int64 { return int64(d) / 1000000 }
func (d Duration) Seconds() float64 {
	return float64(d/Second) + float64(d%Second)/1e9
}
func (d Duration) Minutes() float64 {
	return float64(d/Minute) + float64(d%Minute)/(60*1e9)
}
func (d Duration) Hours() float64 {
	return float64(d/Hour) + float64(d%Hour)/(60*60*1e9)
}

// Truncate, Round and Abs as Go's: toward zero, halfway away from zero,
// saturating at the extremes.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return -1 << 63 // overflow
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return 1<<63 - 1 // overflow
}

func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == -1<<63:
		return 1<<63 - 1
	default:
		return -d
	}
}

func Sleep(d Duration) { __sleep(int64(d)) }

func After(d Duration) <-chan Time {
	var c chan Time
	return __timer_chan(int64(d), int64(0), Time{}, c, true)
}

func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	var c chan Time
	return __timer_chan(int64(d), int64(d), Time{}, c, true)
}

type Timer struct {
	C    <-chan Time
	c    chan Time
	f    func()
	stop chan struct{}
}

// NewTimer's and NewTicker's channels take the name of the variable the
// user keeps the timer in (t.C); time.After's is named "time.After".
func NewTimer(d Duration) *Timer {
	var c chan Time
	c = __timer_chan(int64(d), int64(0), Time{}, c, false)
	return &Timer{C: c, c: c}
}

// AfterFunc: a goroutine waits for the timer's channel, then runs f (as
// Go runs f in its own goroutine); Stop releases it.
func AfterFunc(d Duration, f func()) *Timer {
	var c chan Time
	t := &Timer{c: __timer_chan(int64(d), int64(0), Time{}, c, true), f: f}
	t.arm()
	return t
}

func (t *Timer) arm() {
	stop := make(chan struct{})
	t.stop = stop
	go fire(t.c, t.f, stop)
}

// fire runs an AfterFunc's f when its timer fires (its goroutine is named
// after f, as Go's traces name it).
func fire(c chan Time, f func(), stop chan struct{}) {
	select {
	case <-c:
		f()
	case <-stop:
	}
}

// Stop and Reset, as Go 1.23 has them (a go.mod of 1.23 or later, or
// none): no value sent before the call is received after it; the value
// a fired timer left unreceived is dropped, and the timer counts as
// stopped while active. Before 1.23 the value stays in the channel.
func (t *Timer) Stop() bool {
	ok := __timer_stop(t.c)
	if ok && t.f != nil {
		close(t.stop)
	}
	if t.f == nil && !__async_timers() && drain(t.c) {
		ok = true
	}
	return ok
}

func (t *Timer) Reset(d Duration) bool {
	if t.f == nil && !__async_timers() {
		ok := __timer_stop(t.c)
		if drain(t.c) {
			ok = true
		}
		__timer_reset(t.c, int64(d))
		return ok
	}
	ok := __timer_reset(t.c, int64(d))
	if !ok && t.f != nil {
		t.arm()
	}
	return ok
}

// drain takes the value waiting in c, if any.
func drain(c <-chan Time) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

type Ticker struct {
	C <-chan Time
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	var c chan Time
	return &Ticker{C: __timer_chan(int64(d), int64(d), Time{}, c, false)}
}
func (t *Ticker) Stop() {
	__timer_stop(t.C)
	if !__async_timers() {
		drain(t.C)
	}
}

func (t *Ticker) Reset(d Duration) {
	if !__async_timers() {
		__timer_stop(t.C)
		drain(t.C)
	}
	__timer_reset(t.C, int64(d))
}
