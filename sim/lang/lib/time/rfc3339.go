package time

import "errors"

// RFC 3339 text, as Go's Time marshals itself for encoding/json and
// encoding (weft's times are UTC: written with "Z"; an offset read is
// folded into the instant).

const RFC3339 = "2006-01-02T15:04:05Z07:00"
const RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"

// rfc3339: t as RFC3339Nano lays it out (trailing zeros of the fraction
// dropped).
func (t Time) rfc3339() string { return t.stamp("T") + "Z" }

// MarshalText implements the encoding.TextMarshaler interface.
func (t Time) MarshalText() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalText: year outside of range [0,9999]")
	}
	return []byte(t.rfc3339()), nil
}

// MarshalJSON implements the json.Marshaler interface: a quoted string
// in RFC 3339 format with sub-second precision.
func (t Time) MarshalJSON() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalJSON: year outside of range [0,9999]")
	}
	return []byte("\"" + t.rfc3339() + "\""), nil
}

// UnmarshalJSON implements the json.Unmarshaler interface: a quoted
// RFC 3339 string (null leaves t as it is).
func (t *Time) UnmarshalJSON(data []byte) error {
	s := string(data)
	if s == "null" {
		return nil
	}
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return errors.New("Time.UnmarshalJSON: input is not a JSON string")
	}
	return t.UnmarshalText([]byte(s[1 : len(s)-1]))
}

// UnmarshalText implements the encoding.TextUnmarshaler interface.
func (t *Time) UnmarshalText(data []byte) error {
	s := string(data)
	bad := errors.New("parsing time \"" + s + "\" as \"" + RFC3339 + "\": cannot parse")
	num := func(i, n int) (int64, bool) {
		if i+n > len(s) {
			return 0, false
		}
		var v int64
		for _, c := range s[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int64(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	d, ok3 := num(8, 2)
	h, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	se, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || s[4] != '-' || s[7] != '-' ||
		s[10] != 'T' && s[10] != 't' || s[13] != ':' || s[16] != ':' {
		return bad
	}
	i := 19
	var frac int64
	if i < len(s) && s[i] == '.' {
		i++
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if n < 9 {
				frac = frac*10 + int64(s[i]-'0')
				n++
			}
			i++
		}
		if n == 0 {
			return bad
		}
		for ; n < 9; n++ {
			frac *= 10
		}
	}
	var off int64
	switch {
	case i < len(s) && (s[i] == 'Z' || s[i] == 'z') && i+1 == len(s):
	case i+6 == len(s) && (s[i] == '+' || s[i] == '-') && s[i+3] == ':':
		oh, ok1 := num(i+1, 2)
		om, ok2 := num(i+4, 2)
		if !ok1 || !ok2 {
			return bad
		}
		off = (oh*60 + om) * 60
		if s[i] == '-' {
			off = -off
		}
	default:
		return bad
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59 {
		return errors.New("parsing time \"" + s + "\": field out of range")
	}
	secs := daysFromCivil(y, mo, d)*86400 + h*3600 + mi*60 + se - off
	*t = Time{secs*1000000000 + frac}
	return nil
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

// UTC returns t (weft's times are UTC).
func (t Time) UTC() Time { return t }

// Local returns t (weft's local zone is UTC).
func (t Time) Local() Time { return t }
