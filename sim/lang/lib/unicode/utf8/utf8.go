// Package utf8: runes to and from UTF-8, as Go's unicode/utf8 (invalid
// bytes decode as RuneError of width 1; surrogates and values past
// MaxRune are invalid).
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// RuneLen is the number of bytes of r's encoding, -1 if r is invalid.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// ValidRune reports whether r can be encoded.
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < surrogateMin:
		return true
	case surrogateMax < r && r <= MaxRune:
		return true
	}
	return false
}

// EncodeRune writes r's encoding into p (RuneError's for an invalid r)
// and returns its length.
func EncodeRune(p []byte, r rune) int {
	switch i := uint32(r); {
	case i < 0x80:
		p[0] = byte(r)
		return 1
	case i < 0x800:
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	case i > MaxRune, surrogateMin <= i && i <= surrogateMax:
		r = RuneError
		fallthrough
	case i < 0x10000:
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	default:
		_ = p[3]
		p[0] = 0xF0 | byte(r>>18)
		p[1] = 0x80 | byte(r>>12)&0x3F
		p[2] = 0x80 | byte(r>>6)&0x3F
		p[3] = 0x80 | byte(r)&0x3F
		return 4
	}
}

// AppendRune appends r's encoding to p.
func AppendRune(p []byte, r rune) []byte {
	var b [UTFMax]byte
	n := EncodeRune(b[:], r)
	return append(p, b[:n]...)
}

// decode: the rune at the start of the n bytes at(0..n-1) and its width.
// Well-formed sequences as the Unicode standard's table 3-7 gives them.
func decode(b0 byte, at func(int) byte, n int) (rune, int) {
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	var need int
	var min rune
	var r rune
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case b0 >= 0xC2 && b0 <= 0xDF:
		need, r, min = 2, rune(b0&0x1F), 0x80
	case b0 >= 0xE0 && b0 <= 0xEF:
		need, r, min = 3, rune(b0&0x0F), 0x800
		if b0 == 0xE0 {
			lo = 0xA0
		} else if b0 == 0xED {
			hi = 0x9F
		}
	case b0 >= 0xF0 && b0 <= 0xF4:
		need, r, min = 4, rune(b0&0x07), 0x10000
		if b0 == 0xF0 {
			lo = 0x90
		} else if b0 == 0xF4 {
			hi = 0x8F
		}
	default:
		return RuneError, 1
	}
	if n < need {
		// a truncated sequence: width 1 unless every byte so far fits
		return RuneError, 1
	}
	for i := 1; i < need; i++ {
		c := at(i)
		if i == 1 {
			if c < lo || c > hi {
				return RuneError, 1
			}
		} else if c < 0x80 || c > 0xBF {
			return RuneError, 1
		}
		r = r<<6 | rune(c&0x3F)
	}
	if r < min {
		return RuneError, 1
	}
	return r, need
}

// DecodeRune returns the first rune of p and its width; (RuneError, 0)
// for an empty p, (RuneError, 1) for an invalid encoding.
func DecodeRune(p []byte) (rune, int) {
	if len(p) == 0 {
		return RuneError, 0
	}
	return decode(p[0], func(i int) byte { return p[i] }, len(p))
}

// DecodeRuneInString is DecodeRune on a string.
func DecodeRuneInString(s string) (rune, int) {
	if len(s) == 0 {
		return RuneError, 0
	}
	return decode(s[0], func(i int) byte { return s[i] }, len(s))
}

// DecodeLastRune returns the last rune of p and its width.
func DecodeLastRune(p []byte) (rune, int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	start := end - 1
	if p[start] < RuneSelf {
		return rune(p[start]), 1
	}
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if RuneStart(p[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size := DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is DecodeLastRune on a string.
func DecodeLastRuneInString(s string) (rune, int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	start := end - 1
	if s[start] < RuneSelf {
		return rune(s[start]), 1
	}
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if RuneStart(s[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size := DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// RuneStart reports whether b can start an encoding.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// FullRune reports whether p starts with a whole encoding (a valid one
// or an invalid byte).
func FullRune(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	r, n := DecodeRune(p)
	if r != RuneError || n != 1 {
		return true
	}
	return !prefixOfValid(p)
}

// FullRuneInString is FullRune on a string.
func FullRuneInString(s string) bool { return FullRune([]byte(s)) }

// prefixOfValid: p (too short) could begin a valid encoding.
func prefixOfValid(p []byte) bool {
	b0 := p[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case b0 >= 0xC2 && b0 <= 0xDF:
		need = 2
	case b0 >= 0xE0 && b0 <= 0xEF:
		need = 3
		if b0 == 0xE0 {
			lo = 0xA0
		} else if b0 == 0xED {
			hi = 0x9F
		}
	case b0 >= 0xF0 && b0 <= 0xF4:
		need = 4
		if b0 == 0xF0 {
			lo = 0x90
		} else if b0 == 0xF4 {
			hi = 0x8F
		}
	default:
		return false
	}
	if len(p) >= need {
		return false
	}
	for i := 1; i < len(p); i++ {
		c := p[i]
		if i == 1 && (c < lo || c > hi) {
			return false
		}
		if i > 1 && (c < 0x80 || c > 0xBF) {
			return false
		}
	}
	return true
}

// RuneCount is the number of runes in p (each invalid byte one).
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		_, w := DecodeRune(p[i:])
		i += w
		n++
	}
	return n
}

// RuneCountInString is RuneCount on a string.
func RuneCountInString(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Valid reports whether p is entirely valid UTF-8.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		r, w := DecodeRune(p[i:])
		if r == RuneError && w == 1 {
			return false
		}
		i += w
	}
	return true
}

// ValidString reports whether s is entirely valid UTF-8.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		r, w := DecodeRuneInString(s[i:])
		if r == RuneError && w == 1 {
			return false
		}
		i += w
	}
	return true
}
