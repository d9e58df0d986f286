package time

import "errors"

// ParseError: why Parse refused a value.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) +
			": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

// quote: s in double quotes, its quotes and backslashes escaped, bytes
// outside printable ASCII as \x escapes.
func quote(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c >= 0x80:
			r := []rune(s[i:])[0]
			n := len(string(r))
			if r == 0xFFFD && n != 3 || n == 0 {
				b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
				continue
			}
			b = append(b, s[i:i+n]...)
			i += n - 1
		case c < ' ' || c == 0x7f:
			b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}

var errBad = errors.New("bad value for field")

// num: the 1 or 2 (fixed: exactly 2) leading digits of s.
func num(s string, fixed bool) (int, string, error) {
	if !digitAt(s, 0) {
		return 0, s, errBad
	}
	if !digitAt(s, 1) {
		if fixed {
			return 0, s, errBad
		}
		return int(s[0] - '0'), s[1:], nil
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], nil
}

// num3: the 1 to 3 (fixed: exactly 3) leading digits of s.
func num3(s string, fixed bool) (int, string, error) {
	n, i := 0, 0
	for ; i < 3 && digitAt(s, i); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 0 || fixed && i != 3 {
		return 0, s, errBad
	}
	return n, s[i:], nil
}

func digitAt(s string, i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }

// lookupName: the index of the name in tab (short: its first three
// letters) that s starts with, ignoring case.
func lookupName(tab []string, short bool, s string) (int, string, error) {
	for i, v := range tab {
		if short {
			v = v[:3]
		}
		if len(s) >= len(v) && lower(s[:len(v)]) == lower(v) {
			return i, s[len(v):], nil
		}
	}
	return -1, s, errBad
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// skip: value after the literal prefix; a space in prefix matches any
// run of spaces, and at least one.
func skip(value, prefix string) (string, error) {
	for prefix != "" {
		if prefix[0] == ' ' {
			if value != "" && value[0] != ' ' {
				return value, errBad
			}
			for prefix != "" && prefix[0] == ' ' {
				prefix = prefix[1:]
			}
			for value != "" && value[0] == ' ' {
				value = value[1:]
			}
			continue
		}
		if value == "" || value[0] != prefix[0] {
			return value, errBad
		}
		prefix, value = prefix[1:], value[1:]
	}
	return value, nil
}

// fraction: the nanoseconds of value[:n], a separator and digits.
func fraction(value string, n int) (int, error) {
	if value[0] != '.' && value[0] != ',' {
		return 0, errBad
	}
	if n > 10 {
		n = 10
	}
	ns := 0
	for i := 1; i < n; i++ {
		if !digitAt(value, i) {
			return 0, errBad
		}
		ns = ns*10 + int(value[i]-'0')
	}
	for i := n; i < 10; i++ {
		ns *= 10
	}
	return ns, nil
}

// zoneName: the length of the time zone abbreviation value starts with
// (3 to 5 capitals, the longer ones ending in T; GMT with an offset).
func zoneName(value string) (int, bool) {
	if len(value) < 3 {
		return 0, false
	}
	if len(value) >= 4 && (value[:4] == "ChST" || value[:4] == "MeST") {
		return 4, true
	}
	if value[:3] == "GMT" {
		n := 3
		if len(value) > 3 && (value[3] == '+' || value[3] == '-') {
			n = 4
			for digitAt(value, n) && n < 6 {
				n++
			}
			if n == 4 {
				n = 3
			}
		}
		return n, true
	}
	n := 0
	for n < len(value) && 'A' <= value[n] && value[n] <= 'Z' {
		n++
	}
	switch n {
	case 3:
		return 3, true
	case 4:
		return 4, value[3] == 'T' || value[:4] == "WITA"
	case 5:
		return 5, value[4] == 'T'
	}
	return 0, false
}

// Parse: the time value writes in layout; without a zone in value, UTC.
func Parse(layout, value string) (Time, error) { return parse(layout, value, UTC, Local) }

// ParseInLocation: as Parse, but a value without a zone is in loc, and
// a zone offset or name is matched against loc's.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

func parse(layout, value string, def, local *Location) (Time, error) {
	alayout, avalue := layout, value
	year, month, day, yday := 0, -1, -1, -1
	hour, min, sec, nsec := 0, 0, 0, 0
	var z *Location
	zoneOff, zone := -1, ""
	pm, am := false, false
	rangeErr := ""
	for {
		prefix, e, rest := chunk(layout)
		elem := layout[len(prefix) : len(layout)-len(rest)]
		var err error
		value, err = skip(value, prefix)
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, prefix, value, ""}
		}
		if e == eNone {
			if value != "" {
				return Time{}, &ParseError{alayout, avalue, "", value, ": extra text: " + quote(value)}
			}
			break
		}
		layout = rest
		hold := value
		switch e & 255 {
		case eYear:
			if len(value) < 2 || !digitAt(value, 0) || !digitAt(value, 1) {
				err = errBad
				break
			}
			year = int(value[0]-'0')*10 + int(value[1]-'0')
			value = value[2:]
			if year >= 69 {
				year += 1900
			} else {
				year += 2000
			}
		case eLongYear:
			if len(value) < 4 || !digitAt(value, 0) {
				err = errBad
				break
			}
			for i := 0; i < 4; i++ {
				if !digitAt(value, i) {
					err = errBad
				}
				year = year*10 + int(value[i]-'0')
			}
			value = value[4:]
		case eMonth, eLongMonth:
			month, value, err = lookupName(monthNames, e == eMonth, value)
			month++
		case eNumMonth, eZeroMonth:
			month, value, err = num(value, e == eZeroMonth)
			if err == nil && (month <= 0 || month > 12) {
				rangeErr = "month"
			}
		case eWeekDay, eLongWeekDay:
			_, value, err = lookupName(dayNames, e == eWeekDay, value)
		case eDay, eUnderDay, eZeroDay:
			if e == eUnderDay && value != "" && value[0] == ' ' {
				value = value[1:]
			}
			day, value, err = num(value, e == eZeroDay)
		case eUnderYearDay, eZeroYearDay:
			for i := 0; i < 2 && e == eUnderYearDay && value != "" && value[0] == ' '; i++ {
				value = value[1:]
			}
			yday, value, err = num3(value, e == eZeroYearDay)
			if err == nil && (yday < 1 || yday > 366) {
				rangeErr = "day-of-year"
			}
		case eHour:
			hour, value, err = num(value, false)
			if hour < 0 || hour > 23 {
				rangeErr = "hour"
			}
		case eHour12, eZeroHour12:
			hour, value, err = num(value, e == eZeroHour12)
			if hour < 0 || hour > 12 {
				rangeErr = "hour"
			}
		case eMinute, eZeroMinute:
			min, value, err = num(value, e == eZeroMinute)
			if min < 0 || min > 59 {
				rangeErr = "minute"
			}
		case eSecond, eZeroSecond:
			sec, value, err = num(value, e == eZeroSecond)
			if err != nil {
				break
			}
			if sec < 0 || sec > 59 {
				rangeErr = "second"
				break
			}
			// a fraction the layout does not write is read all the same
			if len(value) >= 2 && (value[0] == '.' || value[0] == ',') && digitAt(value, 1) {
				if _, ne, _ := chunk(layout); ne&255 == eFrac0 || ne&255 == eFrac9 {
					break
				}
				n := 2
				for digitAt(value, n) {
					n++
				}
				nsec, err = fraction(value, n)
				value = value[n:]
			}
		case ePM, epm:
			if len(value) < 2 {
				err = errBad
				break
			}
			p := value[:2]
			if e == epm {
				p = string([]byte{p[0] - 'a' + 'A', p[1] - 'a' + 'A'})
			}
			switch p {
			case "PM":
				pm = true
			case "AM":
				am = true
			default:
				err = errBad
			}
			value = value[2:]
		case eTZ:
			if len(value) >= 3 && value[:3] == "UTC" {
				z = UTC
				value = value[3:]
				break
			}
			n, ok := zoneName(value)
			if !ok {
				err = errBad
				break
			}
			zone, value = value[:n], value[n:]
		case eFrac0:
			n := 1 + e>>8
			if len(value) < n {
				err = errBad
				break
			}
			nsec, err = fraction(value, n)
			value = value[n:]
		case eFrac9:
			if len(value) < 2 || (value[0] != '.' && value[0] != ',') || !digitAt(value, 1) {
				break
			}
			i := 1
			for digitAt(value, i) {
				i++
			}
			nsec, err = fraction(value, i)
			value = value[i:]
		default: // the numeric zones
			if (e == eISO8601TZ || e == eISO8601ShortTZ || e == eISO8601ColonTZ ||
				e == eISO8601SecsTZ || e == eISO8601ColonSecsTZ) && value != "" && value[0] == 'Z' {
				value = value[1:]
				z = UTC
				break
			}
			var shape string
			switch e {
			case eISO8601ColonTZ, eNumColonTZ:
				shape = "+00:00"
			case eISO8601ShortTZ, eNumShortTZ:
				shape = "+00"
			case eISO8601SecsTZ, eNumSecsTZ:
				shape = "+000000"
			case eISO8601ColonSecsTZ, eNumColonSecsTZ:
				shape = "+00:00:00"
			default:
				shape = "+0000"
			}
			if len(value) < len(shape) || value[0] != '+' && value[0] != '-' {
				err = errBad
				break
			}
			var parts []int
			for i := 1; i < len(shape) && err == nil; i += 2 {
				if shape[i] == ':' {
					if value[i] != ':' {
						err = errBad
					}
					i++
				}
				var v int
				v, _, err = num(value[i:], true)
				parts = append(parts, v)
			}
			if err != nil {
				break
			}
			for len(parts) < 3 {
				parts = append(parts, 0)
			}
			zoneOff = (parts[0]*60+parts[1])*60 + parts[2]
			if value[0] == '-' {
				zoneOff = -zoneOff
			}
			value = value[len(shape):]
		}
		if rangeErr != "" {
			return Time{}, &ParseError{alayout, avalue, elem, value, ": " + rangeErr + " out of range"}
		}
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, elem, hold, ""}
		}
	}
	if pm && hour < 12 {
		hour += 12
	} else if am && hour == 12 {
		hour = 0
	}
	if yday >= 0 {
		leap := daysIn(February, year) == 29
		if yday > 365 && !leap {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year out of range"}
		}
		t := Date(year, January, yday, 0, 0, 0, 0, UTC)
		m, d := int(t.Month()), t.Day()
		if month >= 0 && month != m {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match month"}
		}
		if day >= 0 && day != d {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match day"}
		}
		month, day = m, d
	} else {
		if month < 0 {
			month = 1
		}
		if day < 0 {
			day = 1
		}
	}
	if day < 1 || day > daysIn(Month(month), year) {
		return Time{}, &ParseError{alayout, avalue, "", value, ": day out of range"}
	}
	if z != nil {
		return Date(year, Month(month), day, hour, min, sec, nsec, z), nil
	}
	if zoneOff != -1 {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		t.sec -= int64(zoneOff)
		if local.offset == zoneOff && (zone == "" || local.zone == zone) {
			return t.In(local), nil
		}
		return t.In(FixedZone(zone, zoneOff)), nil
	}
	if zone != "" {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		if local.zone == zone {
			t.sec -= int64(local.offset)
			return t.In(local), nil
		}
		off := 0
		if len(zone) > 3 && zone[:3] == "GMT" {
			h := 0
			for _, c := range zone[4:] {
				h = h*10 + int(c-'0')
			}
			if zone[3] == '-' {
				h = -h
			}
			off = h * 3600
		}
		t.sec -= int64(off)
		return t.In(FixedZone(zone, off)), nil
	}
	return Date(year, Month(month), day, hour, min, sec, nsec, def), nil
}

// ParseDuration: a signed sequence of decimal numbers, each with an
// optional fraction and a unit (ns, us or µs, ms, s, m, h): "1h15m30.5s".
func ParseDuration(s string) (Duration, error) {
	orig := s
	bad := errors.New("time: invalid duration " + quote(orig))
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, bad
	}
	var d uint64
	for s != "" {
		if !(s[0] == '.' || digitAt(s, 0)) {
			return 0, bad
		}
		var v, f, scale uint64 = 0, 0, 1
		pre, post := false, false
		for digitAt(s, 0) {
			if v > (1<<63)/10 {
				return 0, bad
			}
			v = v*10 + uint64(s[0]-'0')
			if v > 1<<63 {
				return 0, bad
			}
			s, pre = s[1:], true
		}
		if s != "" && s[0] == '.' {
			s = s[1:]
			for digitAt(s, 0) {
				if scale <= (1<<63)/10 { // further digits cannot matter
					f = f*10 + uint64(s[0]-'0')
					scale *= 10
				}
				s, post = s[1:], true
			}
		}
		if !pre && !post {
			return 0, bad
		}
		i := 0
		for i < len(s) && s[i] != '.' && !digitAt(s, i) {
			i++
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		var unit uint64
		switch s[:i] {
		case "ns":
			unit = 1
		case "us", "µs", "μs":
			unit = 1000
		case "ms":
			unit = 1000000
		case "s":
			unit = 1000000000
		case "m":
			unit = 60000000000
		case "h":
			unit = 3600000000000
		default:
			return 0, errors.New("time: unknown unit " + quote(s[:i]) + " in duration " + quote(orig))
		}
		s = s[i:]
		if v > (1<<63)/unit {
			return 0, bad
		}
		v *= unit
		if f > 0 {
			v += uint64(float64(f) * (float64(unit) / float64(scale)))
			if v > 1<<63 {
				return 0, bad
			}
		}
		d += v
		if d > 1<<63 {
			return 0, bad
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, bad
	}
	return Duration(d), nil
}
