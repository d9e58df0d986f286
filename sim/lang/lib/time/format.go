package time

// Layouts: Go's reference time, Mon Jan 2 15:04:05 MST 2006, written the
// way the value should be (the layout language of the time package's
// documentation).
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

// The elements of a layout (chunk's codes); a fraction's code carries its
// digits times 256.
const (
	eNone = iota
	eLongMonth
	eMonth
	eNumMonth
	eZeroMonth
	eLongWeekDay
	eWeekDay
	eDay
	eUnderDay
	eZeroDay
	eUnderYearDay
	eZeroYearDay
	eHour
	eHour12
	eZeroHour12
	eMinute
	eZeroMinute
	eSecond
	eZeroSecond
	eLongYear
	eYear
	ePM
	epm
	eTZ
	eISO8601TZ      // Z0700
	eISO8601SecsTZ  // Z070000
	eISO8601ShortTZ // Z07
	eISO8601ColonTZ // Z07:00
	eISO8601ColonSecsTZ
	eNumTZ // -0700
	eNumSecsTZ
	eNumShortTZ
	eNumColonTZ
	eNumColonSecsTZ
	eFrac0 // .000 or ,000
	eFrac9 // .999 or ,999
)

// chunk: layout's literal prefix, its first element and the rest after
// it (eNone and no rest when the layout holds no element).
func chunk(layout string) (prefix string, elem int, rest string) {
	has := func(i int, s string) bool {
		return len(layout)-i >= len(s) && layout[i:i+len(s)] == s
	}
	for i := 0; i < len(layout); i++ {
		e, n := eNone, 0
		switch layout[i] {
		case 'J':
			if has(i, "January") {
				e, n = eLongMonth, 7
			} else if has(i, "Jan") {
				e, n = eMonth, 3
			}
		case 'M':
			if has(i, "Monday") {
				e, n = eLongWeekDay, 6
			} else if has(i, "Mon") {
				e, n = eWeekDay, 3
			} else if has(i, "MST") {
				e, n = eTZ, 3
			}
		case '0':
			if has(i, "002") {
				e, n = eZeroYearDay, 3
			} else if i+1 < len(layout) && layout[i+1] >= '1' && layout[i+1] <= '6' {
				e = []int{eZeroMonth, eZeroDay, eZeroHour12, eZeroMinute, eZeroSecond, eYear}[layout[i+1]-'1']
				n = 2
			}
		case '1':
			if has(i, "15") {
				e, n = eHour, 2
			} else {
				e, n = eNumMonth, 1
			}
		case '2':
			if has(i, "2006") {
				e, n = eLongYear, 4
			} else {
				e, n = eDay, 1
			}
		case '_':
			if has(i, "_2") {
				if has(i, "_2006") { // a literal _ and the year
					return layout[:i+1], eLongYear, layout[i+5:]
				}
				e, n = eUnderDay, 2
			}
			if has(i, "__2") {
				e, n = eUnderYearDay, 3
			}
		case '3':
			e, n = eHour12, 1
		case '4':
			e, n = eMinute, 1
		case '5':
			e, n = eSecond, 1
		case 'P':
			if has(i, "PM") {
				e, n = ePM, 2
			}
		case 'p':
			if has(i, "pm") {
				e, n = epm, 2
			}
		case '-', 'Z':
			forms := []string{"07:00:00", "070000", "07:00", "0700", "07"}
			codes := []int{eNumColonSecsTZ, eNumSecsTZ, eNumColonTZ, eNumTZ, eNumShortTZ}
			if layout[i] == 'Z' {
				codes = []int{eISO8601ColonSecsTZ, eISO8601SecsTZ, eISO8601ColonTZ, eISO8601TZ, eISO8601ShortTZ}
			}
			for k, f := range forms {
				if has(i+1, f) {
					e, n = codes[k], 1+len(f)
					break
				}
			}
		case '.', ',':
			if i+1 < len(layout) && (layout[i+1] == '0' || layout[i+1] == '9') {
				c := layout[i+1]
				j := i + 1
				for j < len(layout) && layout[j] == c {
					j++
				}
				if !(j < len(layout) && layout[j] >= '0' && layout[j] <= '9') {
					e = eFrac0
					if c == '9' {
						e = eFrac9
					}
					e, n = e+(j-i-1)*256, j-i
				}
			}
		}
		if e != eNone {
			return layout[:i], e, layout[i+n:]
		}
	}
	return layout, eNone, ""
}

// String: t as Go prints it, "2006-01-02 15:04:05.999999999 -0700 MST".
func (t Time) String() string {
	return t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
}

// GoString: t as %#v prints it.
func (t Time) GoString() string {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	loc := "time.Local"
	switch t.loc.get() {
	case &utcLoc:
		loc = "time.UTC"
	case &localLoc:
	default:
		loc = "time.Location(" + quote(t.loc.name) + ")"
	}
	return "time.Date(" + pad(int64(y), 1) + ", time." + m.String() + ", " +
		pad(int64(d), 1) + ", " + pad(int64(h), 1) + ", " + pad(int64(mi), 1) +
		", " + pad(int64(s), 1) + ", " + pad(t.nsec, 1) + ", " + loc + ")"
}

func (t Time) Format(layout string) string {
	return string(t.AppendFormat(nil, layout))
}

// AppendFormat: Format's text appended to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	name, off := t.Zone()
	for layout != "" {
		prefix, e, rest := chunk(layout)
		b = append(b, prefix...)
		if e == eNone {
			break
		}
		sep := layout[len(prefix)] // a fraction's . or ,
		layout = rest
		switch e & 255 {
		case eLongMonth:
			b = append(b, mo.String()...)
		case eMonth:
			b = append(b, mo.String()[:3]...)
		case eNumMonth:
			b = append(b, pad(int64(mo), 1)...)
		case eZeroMonth:
			b = append(b, pad(int64(mo), 2)...)
		case eLongWeekDay:
			b = append(b, t.Weekday().String()...)
		case eWeekDay:
			b = append(b, t.Weekday().String()[:3]...)
		case eDay:
			b = append(b, pad(int64(d), 1)...)
		case eUnderDay:
			if d < 10 {
				b = append(b, ' ')
			}
			b = append(b, pad(int64(d), 1)...)
		case eZeroDay:
			b = append(b, pad(int64(d), 2)...)
		case eUnderYearDay:
			yd := t.YearDay()
			if yd < 100 {
				b = append(b, ' ')
			}
			if yd < 10 {
				b = append(b, ' ')
			}
			b = append(b, pad(int64(yd), 1)...)
		case eZeroYearDay:
			b = append(b, pad(int64(t.YearDay()), 3)...)
		case eHour:
			b = append(b, pad(int64(h), 2)...)
		case eHour12, eZeroHour12:
			hr := h % 12
			if hr == 0 {
				hr = 12
			}
			w := 1
			if e == eZeroHour12 {
				w = 2
			}
			b = append(b, pad(int64(hr), w)...)
		case eMinute:
			b = append(b, pad(int64(mi), 1)...)
		case eZeroMinute:
			b = append(b, pad(int64(mi), 2)...)
		case eSecond:
			b = append(b, pad(int64(s), 1)...)
		case eZeroSecond:
			b = append(b, pad(int64(s), 2)...)
		case eLongYear:
			b = append(b, pad(int64(y), 4)...)
		case eYear:
			yy := y % 100
			if yy < 0 {
				yy = -yy
			}
			b = append(b, pad(int64(yy), 2)...)
		case ePM, epm:
			p := "AM"
			if h >= 12 {
				p = "PM"
			}
			if e == epm {
				p = string([]byte{p[0] + 'a' - 'A', 'm'})
			}
			b = append(b, p...)
		case eTZ:
			if name != "" {
				b = append(b, name...)
			} else {
				b = appendOffset(b, off, false, true, false)
			}
		case eISO8601TZ, eISO8601SecsTZ, eISO8601ShortTZ, eISO8601ColonTZ, eISO8601ColonSecsTZ:
			if off == 0 {
				b = append(b, 'Z')
				break
			}
			fallthrough
		default:
			if e >= 256 {
				b = appendFrac(b, t.nsec, e>>8, e&255 == eFrac9, sep)
				break
			}
			colon := e == eISO8601ColonTZ || e == eISO8601ColonSecsTZ || e == eNumColonTZ || e == eNumColonSecsTZ
			short := e == eISO8601ShortTZ || e == eNumShortTZ
			secs := e == eISO8601SecsTZ || e == eISO8601ColonSecsTZ || e == eNumSecsTZ || e == eNumColonSecsTZ
			b = appendOffset(b, off, colon, !short, secs)
		}
	}
	return b
}

// appendOffset: off seconds as +hh, +hhmm or +hh:mm (and :ss if asked
// for, or if not a whole minute with secs).
func appendOffset(b []byte, off int, colon, mins, secs bool) []byte {
	sign := byte('+')
	if off < 0 {
		sign = '-'
		off = -off
	}
	b = append(b, sign)
	b = append(b, pad(int64(off/3600), 2)...)
	if mins {
		if colon {
			b = append(b, ':')
		}
		b = append(b, pad(int64(off/60%60), 2)...)
	}
	if secs {
		if colon {
			b = append(b, ':')
		}
		b = append(b, pad(int64(off%60), 2)...)
	}
	return b
}

// appendFrac: nsec's first n digits after sep; with trim, trailing zeros
// go, and sep too when nothing is left.
func appendFrac(b []byte, nsec int64, n int, trim bool, sep byte) []byte {
	if n > 9 {
		n = 9
	}
	f := pad(nsec, 9)[:n]
	if trim {
		for f != "" && f[len(f)-1] == '0' {
			f = f[:len(f)-1]
		}
		if f == "" {
			return b
		}
	}
	b = append(b, sep)
	return append(b, f...)
}
