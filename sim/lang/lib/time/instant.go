package time

import "errors"

// A Time is sec seconds and nsec nanoseconds after 0001-01-01 00:00:00
// UTC (so the zero Time is that instant, as Go's is), seen in loc (nil:
// UTC). Virtual time 0 (the engine's clock, __now) is the Unix epoch;
// the timers' native (lib_sync.c, timer_fire) fills sec and nsec the
// same way, in UTC.
type Time struct {
	sec  int64
	nsec int64
	loc  *Location
}

// unixToInternal: the seconds from year 1 to 1970.
const unixToInternal int64 = 62135596800

// A Location: weft knows UTC, Local (which is UTC: virtual time has no
// time zone database) and the fixed zones of FixedZone.
type Location struct {
	name   string
	zone   string
	offset int
}

var utcLoc = Location{name: "UTC", zone: "UTC"}
var localLoc = Location{name: "Local", zone: "UTC"}

var UTC *Location = &utcLoc
var Local *Location = &localLoc

func (l *Location) String() string { return l.get().name }

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	return l
}

// FixedZone: a Location always at offset seconds east of UTC.
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, zone: name, offset: offset}
}

// LoadLocation: "" and "UTC" are UTC, "Local" is Local; weft has no
// zone database, so any other name fails as Go fails without one.
func LoadLocation(name string) (*Location, error) {
	switch name {
	case "", "UTC":
		return UTC, nil
	case "Local":
		return Local, nil
	}
	for i := 0; i+1 < len(name); i++ {
		if name[i] == '.' && name[i+1] == '.' || name[0] == '/' || name[i] == '\\' {
			return nil, errors.New("time: invalid location name")
		}
	}
	return nil, errors.New("unknown time zone " + name)
}

func mk(sec, nsec int64, loc *Location) Time {
	sec += nsec / 1000000000
	nsec %= 1000000000
	if nsec < 0 {
		nsec += 1000000000
		sec--
	}
	if loc == &utcLoc {
		loc = nil
	}
	return Time{sec, nsec, loc}
}

func Now() Time {
	n := __now()
	return mk(unixToInternal, n, Local)
}
func Since(t Time) Duration { return Now().Sub(t) }
func Until(t Time) Duration { return t.Sub(Now()) }

func Unix(sec int64, nsec int64) Time { return mk(sec+unixToInternal, nsec, Local) }
func UnixMilli(msec int64) Time {
	return mk(msec/1000+unixToInternal, msec%1000*1000000, Local)
}
func UnixMicro(usec int64) Time {
	return mk(usec/1000000+unixToInternal, usec%1000000*1000, Local)
}

func (t Time) Unix() int64      { return t.sec - unixToInternal }
func (t Time) UnixNano() int64  { return (t.sec-unixToInternal)*1000000000 + t.nsec }
func (t Time) UnixMilli() int64 { return (t.sec-unixToInternal)*1000 + t.nsec/1000000 }
func (t Time) UnixMicro() int64 { return (t.sec-unixToInternal)*1000000 + t.nsec/1000 }
func (t Time) IsZero() bool     { return t.sec == 0 && t.nsec == 0 }

func (t Time) Add(d Duration) Time {
	return mk(t.sec+int64(d/Second), t.nsec+int64(d%Second), t.loc)
}

// Sub saturates at the Durations' bounds, as Go's does.
func (t Time) Sub(u Time) Duration {
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	if u.Add(d).Equal(t) {
		return d
	}
	if t.Before(u) {
		return -1 << 63
	}
	return 1<<63 - 1
}

func (t Time) Before(u Time) bool { return t.Compare(u) < 0 }
func (t Time) After(u Time) bool  { return t.Compare(u) > 0 }
func (t Time) Equal(u Time) bool  { return t.sec == u.sec && t.nsec == u.nsec }
func (t Time) Compare(u Time) int {
	switch {
	case t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec:
		return -1
	case t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec:
		return 1
	}
	return 0
}

func (t Time) UTC() Time   { return Time{t.sec, t.nsec, nil} }
func (t Time) Local() Time { return Time{t.sec, t.nsec, Local} }
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	return mk(t.sec, t.nsec, loc)
}
func (t Time) Location() *Location { return t.loc.get() }

// Zone: the zone's abbreviation and its offset east of UTC in seconds.
func (t Time) Zone() (name string, offset int) {
	l := t.loc.get()
	return l.zone, l.offset
}
func (t Time) IsDST() bool { return false }

// abs: t's wall clock in its zone as seconds since year 1.
func (t Time) abs() int64 { return t.sec + int64(t.loc.get().offset) }

// days: t's wall day since 1970-01-01 and the second within it.
func (t Time) days() (days, secs int64) {
	s := t.abs() - unixToInternal
	days, secs = s/86400, s%86400
	if secs < 0 {
		secs += 86400
		days--
	}
	return
}

func (t Time) Date() (year int, month Month, day int) {
	days, _ := t.days()
	y, m, d := civil(days)
	return int(y), Month(m), int(d)
}

func (t Time) Clock() (hour, min, sec int) {
	_, s := t.days()
	return int(s / 3600), int(s / 60 % 60), int(s % 60)
}

func (t Time) Year() int       { y, _, _ := t.Date(); return y }
func (t Time) Month() Month    { _, m, _ := t.Date(); return m }
func (t Time) Day() int        { _, _, d := t.Date(); return d }
func (t Time) Hour() int       { h, _, _ := t.Clock(); return h }
func (t Time) Minute() int     { _, m, _ := t.Clock(); return m }
func (t Time) Second() int     { _, _, s := t.Clock(); return s }
func (t Time) Nanosecond() int { return int(t.nsec) }
func (t Time) Weekday() Weekday {
	days, _ := t.days()
	w := (days + 4) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return Weekday(w)
}

// YearDay: 1 to 365, or 366 in a leap year.
func (t Time) YearDay() int {
	days, _ := t.days()
	y, _, _ := civil(days)
	return int(days-daysFromCivil(y, 1, 1)) + 1
}

// ISOWeek: the ISO 8601 year and week; weeks start on Monday and week 1
// holds the year's first Thursday.
func (t Time) ISOWeek() (year, week int) {
	days, _ := t.days()
	wd := (int64(t.Weekday()) + 6) % 7 // Monday 0
	thu := days - wd + 3
	y, _, _ := civil(thu)
	return int(y), int(thu-daysFromCivil(y, 1, 1))/7 + 1
}

// Date: the time of the wall clock y-m-d h:mi:s+ns in loc; values out of
// their range carry over (October 32 is November 1).
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	y, m := int64(year), int64(month)-1
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	days := daysFromCivil(y, m+1, 1) + int64(day) - 1
	s := days*86400 + int64(hour)*3600 + int64(min)*60 + int64(sec)
	return mk(s+unixToInternal-int64(loc.offset), int64(nsec), loc)
}

func (t Time) AddDate(years int, months int, days int) Time {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return Date(y+years, m+Month(months), d+days, h, mi, s, int(t.nsec), t.loc.get())
}

// mod: t's time since the zero Time modulo d (d > 0).
func (t Time) mod(d Duration) Duration {
	m := uint64(d)
	sec, neg := t.sec, t.sec < 0
	if neg {
		sec = -sec
	}
	r := uint64(sec) % m
	// r * 1e9 mod m, doubling to stay within 64 bits
	var p uint64
	for b := uint64(1) << 29; b > 0; b >>= 1 {
		p = (p + p) % m
		if 1000000000&b != 0 {
			p = (p + r) % m
		}
	}
	if neg {
		p = (m - p) % m
	}
	return Duration((p + uint64(t.nsec)) % m)
}

// Truncate and Round work on the time since the zero Time, as Go's do;
// Round's halfway values round up.
func (t Time) Truncate(d Duration) Time {
	if d <= 0 {
		return t
	}
	return t.Add(-t.mod(d))
}

func (t Time) Round(d Duration) Time {
	if d <= 0 {
		return t
	}
	r := t.mod(d)
	if uint64(r)+uint64(r) < uint64(d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

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

// daysFromCivil: the day since 1970-01-01 of the proleptic Gregorian
// date y-m-d (civil's inverse, H. Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// daysIn: the days of month m of year y.
func daysIn(m Month, y int) int {
	if m == December {
		return 31
	}
	return int(daysFromCivil(int64(y), int64(m)+1, 1) - daysFromCivil(int64(y), int64(m), 1))
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
