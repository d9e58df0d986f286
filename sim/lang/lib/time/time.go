// Package time: virtual time (SPEC section 2): Sleep, timers and tickers on
// the engine's clock.
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

type Time struct {
	ns int64
}

func Now() Time                    { return Time{__now()} }
func Since(t Time) Duration        { return Duration(__now() - t.ns) }
func Until(t Time) Duration        { return Duration(t.ns - __now()) }
func (t Time) Add(d Duration) Time { return Time{t.ns + int64(d)} }
func (t Time) Sub(u Time) Duration { return Duration(t.ns - u.ns) }
func (t Time) Before(u Time) bool  { return t.ns < u.ns }
func (t Time) After(u Time) bool   { return t.ns > u.ns }
func (t Time) Equal(u Time) bool   { return t.ns == u.ns }
func (t Time) Compare(u Time) int {
	if t.ns < u.ns {
		return -1
	}
	if t.ns > u.ns {
		return 1
	}
	return 0
}
func (t Time) IsZero() bool     { return t.ns == 0 }
func (t Time) UnixNano() int64  { return t.ns }
func (t Time) UnixMilli() int64 { return t.ns / 1000000 }
func (t Time) Unix() int64      { return t.ns / 1000000000 }

type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = []string{"January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December"}

func (m Month) String() string {
	if m >= January && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + pad(int64(m), 1) + ")"
}

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday"}

func (d Weekday) String() string {
	if d >= Sunday && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + pad(int64(d), 1) + ")"
}

// split: t's day since the epoch and its second and nanosecond within it.
func (t Time) split() (days, secs, nsec int64) {
	secs, nsec = t.ns/1000000000, t.ns%1000000000
	if nsec < 0 {
		nsec += 1000000000
		secs--
	}
	days, secs = secs/86400, secs%86400
	if secs < 0 {
		secs += 86400
		days--
	}
	return
}

func (t Time) Date() (year int, month Month, day int) {
	days, _, _ := t.split()
	y, m, d := civil(days)
	return int(y), Month(m), int(d)
}

func (t Time) Clock() (hour, min, sec int) {
	_, s, _ := t.split()
	return int(s / 3600), int(s / 60 % 60), int(s % 60)
}

func (t Time) Year() int       { y, _, _ := t.Date(); return y }
func (t Time) Month() Month    { _, m, _ := t.Date(); return m }
func (t Time) Day() int        { _, _, d := t.Date(); return d }
func (t Time) Hour() int       { h, _, _ := t.Clock(); return h }
func (t Time) Minute() int     { _, m, _ := t.Clock(); return m }
func (t Time) Second() int     { _, _, s := t.Clock(); return s }
func (t Time) Nanosecond() int { _, _, n := t.split(); return int(n) }
func (t Time) Weekday() Weekday {
	days, _, _ := t.split()
	w := (days + 4) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return Weekday(w)
}

func Unix(sec int64, nsec int64) Time { return Time{sec*1000000000 + nsec} }
func UnixMilli(msec int64) Time       { return Time{msec * 1000000} }
func (t Time) Truncate(d Duration) Time {
	if d <= 0 {
		return t
	}
	return Time{t.ns - t.ns%int64(d)}
}

// String: as Go prints a UTC time; virtual time 0 is the Unix epoch.
func (t Time) String() string { return t.stamp(" ") + " +0000 UTC" }

// stamp: t's date and time of day with sep between them, the fraction
// of a second without its trailing zeros.
func (t Time) stamp(sep string) string {
	days, rem, frac := t.split()
	y, m, d := civil(days)
	s := pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + sep +
		pad(rem/3600, 2) + ":" + pad(rem/60%60, 2) + ":" + pad(rem%60, 2)
	if frac != 0 {
		f := pad(frac, 9)
		for f[len(f)-1] == '0' {
			f = f[:len(f)-1]
		}
		s += "." + f
	}
	return s
}

// civil: the proleptic Gregorian date of day z since 1970-01-01
// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
func civil(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	if z < 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return
}

// pad: n in decimal, zero-padded to width digits.
func pad(n int64, width int) string {
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 || len(b) < width {
		b = append(b, byte('0'+n%10))
		n /= 10
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
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
