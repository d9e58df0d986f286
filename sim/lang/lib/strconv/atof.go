package strconv

// ParseFloat converts s to a float64 (bitSize 64) or a value a float32
// holds (bitSize 32): Go's syntax checked here (decimal or hexadecimal
// mantissa, exponent, underscores only after a base prefix, "inf",
// "infinity", "nan" in any case), the value rounded by the C library's
// strtod/strtof (intrinsic __strtod), which round correctly as Go does.
// Out of range: ±Inf with ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	if bitSize != 32 && bitSize != 64 {
		bitSize = 64
	}
	if v, ok := special(s); ok {
		return v, nil
	}
	clean, ok := floatSyntax(s)
	if !ok {
		return 0, syntaxError("ParseFloat", s)
	}
	v := __strtod(clean, bitSize)
	if v > 1.7976931348623157e308 || v < -1.7976931348623157e308 ||
		(bitSize == 32 && (v > 3.4028234663852886e38 || v < -3.4028234663852886e38)) {
		return v, rangeError("ParseFloat", s)
	}
	return v, nil
}

// toLowerASCII lowers an ASCII letter, and leaves other bytes alone.
func toLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if toLowerASCII(a[i]) != toLowerASCII(b[i]) {
			return false
		}
	}
	return true
}

// special: ±inf, ±infinity, nan.
func special(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	sign := 1.0
	t := s
	if t[0] == '+' || t[0] == '-' {
		if t[0] == '-' {
			sign = -1
		}
		t = t[1:]
	}
	if equalFold(t, "inf") || equalFold(t, "infinity") {
		var zero float64
		return sign / zero, true
	}
	if (len(s) == 3) && equalFold(s, "nan") {
		var zero float64
		return zero / zero, true
	}
	return 0, false
}

// floatSyntax checks s against Go's float grammar and returns it without
// underscores.
func floatSyntax(s string) (string, bool) {
	i := 0
	b := make([]byte, 0, len(s))
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		b = append(b, s[i])
		i++
	}
	base := 10
	if i+1 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		base = 16
		b = append(b, s[i], s[i+1])
		i += 2
	}
	isDigit := func(c byte) bool {
		return '0' <= c && c <= '9' || base == 16 && 'a' <= lower(c) && lower(c) <= 'f'
	}
	digitsSeen, dot, exp := false, false, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			// between digits, or after the base prefix, as in Go literals
			if i+1 >= len(s) || !isDigit(s[i+1]) ||
				!(i > 0 && (isDigit(s[i-1]) || base == 16 && lower(s[i-1]) == 'x')) {
				return "", false
			}
			continue
		case c == '.':
			if dot || exp {
				return "", false
			}
			dot = true
		case '0' <= c && c <= '9':
			digitsSeen = true
		case base == 16 && 'a' <= lower(c) && lower(c) <= 'f':
			digitsSeen = true
		case (base == 10 && lower(c) == 'e') || (base == 16 && lower(c) == 'p'):
			if exp || !digitsSeen {
				return "", false
			}
			exp = true
			b = append(b, c)
			i++
			if i < len(s) && (s[i] == '+' || s[i] == '-') {
				b = append(b, s[i])
				i++
			}
			if i >= len(s) || s[i] < '0' || s[i] > '9' {
				return "", false
			}
			for ; i < len(s); i++ {
				if s[i] == '_' && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9' &&
					'0' <= s[i-1] && s[i-1] <= '9' {
					continue
				}
				if s[i] < '0' || s[i] > '9' {
					return "", false
				}
				b = append(b, s[i])
			}
			i--
			continue
		default:
			return "", false
		}
		b = append(b, c)
	}
	if !digitsSeen {
		return "", false
	}
	if base == 16 && !exp {
		return "", false // a hexadecimal float needs its p exponent
	}
	return string(b), true
}
