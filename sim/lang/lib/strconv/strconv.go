// Package strconv: integers and booleans in Go as Go's atoi.go parses them,
// with its NumError messages; quoting through fmt's %q (its natives:
// strconv does not import fmt, so that fmt's scanning can use strconv).
package strconv

import "errors"

const IntSize = 64

var ErrRange = errors.New("value out of range")
var ErrSyntax = errors.New("invalid syntax")

type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, s string) *NumError { return &NumError{fn, s, ErrSyntax} }
func rangeError(fn, s string) *NumError  { return &NumError{fn, s, ErrRange} }
func baseError(fn, s string, base int) *NumError {
	return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
}
func bitSizeError(fn, s string, bitSize int) *NumError {
	return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
}

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

func FormatUint(i uint64, base int) string {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	if i == 0 {
		return "0"
	}
	var b []byte
	for i > 0 {
		b = append(b, digits[i%uint64(base)])
		i /= uint64(base)
	}
	for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
		b[l], b[r] = b[r], b[l]
	}
	return string(b)
}

func FormatInt(i int64, base int) string {
	if i < 0 {
		return "-" + FormatUint(-uint64(i), base)
	}
	return FormatUint(uint64(i), base)
}

func Itoa(i int) string { return FormatInt(int64(i), 10) }

func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

func AppendQuote(dst []byte, s string) []byte { return append(dst, Quote(s)...) }

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

func lower(c byte) byte { return c | ('x' - 'X') }

// underscoreOK: underscores only between digits or after a base
// prefix (base 0 only), as Go's.
func underscoreOK(s string) bool {
	saw := '^'
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		i = 2
		saw = '0'
		hex = lower(s[1]) == 'x'
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' || hex && 'a' <= lower(s[i]) && lower(s[i]) <= 'f' {
			saw = '0'
			continue
		}
		if s[i] == '_' {
			if saw != '0' {
				return false
			}
			saw = '_'
			continue
		}
		if saw == '_' {
			return false
		}
		saw = '!'
	}
	return saw != '_'
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fnParseUint = "ParseUint"
	if s == "" {
		return 0, syntaxError(fnParseUint, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base = 2
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base = 8
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base = 16
				s = s[2:]
			default:
				base = 8
				s = s[1:]
			}
		}
	default:
		return 0, baseError(fnParseUint, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fnParseUint, s0, bitSize)
	}
	var cutoff uint64 = (1<<64-1)/uint64(base) + 1
	maxVal := uint64(1)<<uint(bitSize) - 1
	if bitSize == 64 {
		maxVal = 1<<64 - 1
	}
	underscores := false
	var n uint64
	for _, c := range []byte(s) {
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, syntaxError(fnParseUint, s0)
		}
		if d >= byte(base) {
			return 0, syntaxError(fnParseUint, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fnParseUint, s0)
	}
	return n, nil
}

func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fnParseInt = "ParseInt"
	if s == "" {
		return 0, syntaxError(fnParseInt, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		err.(*NumError).Func = fnParseInt
		err.(*NumError).Num = s0
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1) << uint(bitSize-1)
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fnParseInt, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fnParseInt, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

func Atoi(s string) (int, error) {
	i64, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = "Atoi"
	}
	return int(i64), err
}

func Quote(s string) string        { return __sprintf("%q", []any{s}) }
func QuoteRune(r rune) string      { return __sprintf("%q", []any{r}) }
func QuoteToASCII(s string) string { return __sprintf("%+q", []any{s}) }

// Unquote: a Go string literal ("...", `...`) or rune literal ('x') with
// the escapes \a \b \f \n \r \t \v \\ \' \" \xHH \ooo \uHHHH \UHHHHHHHH.
func Unquote(s string) (string, error) {
	n := len(s)
	if n < 2 {
		return "", ErrSyntax
	}
	q := s[0]
	if q != s[n-1] {
		return "", ErrSyntax
	}
	body := s[1 : n-1]
	if q == '`' {
		for i := 0; i < len(body); i++ {
			if body[i] == '`' {
				return "", ErrSyntax
			}
		}
		return body, nil
	}
	if q != '"' && q != '\'' {
		return "", ErrSyntax
	}
	var b []byte
	runes := 0
	for i := 0; i < len(body); {
		c := body[i]
		if c == q || c == '\n' {
			return "", ErrSyntax
		}
		if c != '\\' {
			w := len(body) - i // this UTF-8 sequence's length
			for j := range body[i:] {
				if j > 0 {
					w = j
					break
				}
			}
			b = append(b, body[i:i+w]...)
			i += w
			runes++
			continue
		}
		if i+1 >= len(body) {
			return "", ErrSyntax
		}
		e := body[i+1]
		i += 2
		switch e {
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'f':
			b = append(b, 12)
		case 'n':
			b = append(b, 10)
		case 'r':
			b = append(b, 13)
		case 't':
			b = append(b, 9)
		case 'v':
			b = append(b, 11)
		case '\\':
			b = append(b, '\\')
		case '\'', '"':
			if e != q {
				return "", ErrSyntax
			}
			b = append(b, e)
		case 'x', 'u', 'U':
			k := 2
			if e == 'u' {
				k = 4
			} else if e == 'U' {
				k = 8
			}
			if i+k > len(body) {
				return "", ErrSyntax
			}
			v, err := ParseUint(body[i:i+k], 16, 64)
			if err != nil {
				return "", ErrSyntax
			}
			i += k
			if e == 'x' {
				b = append(b, byte(v))
			} else {
				if v > 0x10FFFF || v >= 0xD800 && v < 0xE000 {
					return "", ErrSyntax
				}
				b = append(b, string(rune(v))...)
			}
		case '0', '1', '2', '3', '4', '5', '6', '7':
			if i+2 > len(body) {
				return "", ErrSyntax
			}
			v, err := ParseUint(body[i-1:i+2], 8, 64)
			if err != nil || v > 255 {
				return "", ErrSyntax
			}
			i += 2
			b = append(b, byte(v))
		default:
			return "", ErrSyntax
		}
		runes++
	}
	if q == '\'' && runes != 1 {
		return "", ErrSyntax
	}
	return string(b), nil
}

// FormatFloat: through fmt's verbs; precision -1 (the shortest that
// reads back at bitSize's precision) takes fmt's shortest digits (%v)
// and lays them out as fmtc says ('e', 'E', 'f', 'g', 'G').
func FormatFloat(f float64, fmtc byte, prec, bitSize int) string {
	if prec >= 0 {
		return __sprintf("%."+Itoa(prec)+string(rune(fmtc)), []any{f})
	}
	var s string
	if bitSize == 32 {
		s = __sprint([]any{float32(f)})
	} else {
		s = __sprint([]any{f})
	}
	if s == "NaN" || s == "+Inf" || s == "-Inf" {
		return s
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	exp := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 'e' {
			exp, _ = Atoi(s[i+1:])
			s = s[:i]
			break
		}
	}
	digs, dp := "", len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			dp = i
		} else {
			digs += s[i : i+1]
		}
	}
	dp += exp
	for len(digs) > 0 && digs[0] == '0' {
		digs = digs[1:]
		dp--
	}
	for len(digs) > 0 && digs[len(digs)-1] == '0' {
		digs = digs[:len(digs)-1]
	}
	if digs == "" {
		digs, dp = "0", 1
	}
	sign := ""
	if neg {
		sign = "-"
	}
	switch fmtc {
	case 'e', 'E':
		return sign + expForm(digs, dp, fmtc)
	case 'f':
		return sign + fixedForm(digs, dp)
	case 'g', 'G':
		if x := dp - 1; x < -4 || x >= 6 {
			return sign + expForm(digs, dp, fmtc-'g'+'e')
		}
		return sign + fixedForm(digs, dp)
	}
	return __sprint([]any{f})
}

// expForm: digits digs with the decimal point after dp of them, as
// d.ddde±XX.
func expForm(digs string, dp int, e byte) string {
	r := digs[:1]
	if len(digs) > 1 {
		r += "." + digs[1:]
	}
	x := dp - 1
	if digs == "0" {
		x = 0
	}
	es := "+"
	if x < 0 {
		es, x = "-", -x
	}
	if x < 10 {
		es += "0"
	}
	return r + string(rune(e)) + es + Itoa(x)
}

// fixedForm: digits digs with the decimal point after dp of them, as
// ddd.ddd (no exponent).
func fixedForm(digs string, dp int) string {
	switch {
	case dp <= 0:
		z := ""
		for i := 0; i < -dp; i++ {
			z += "0"
		}
		return "0." + z + digs
	case dp >= len(digs):
		for len(digs) < dp {
			digs += "0"
		}
		return digs
	}
	return digs[:dp] + "." + digs[dp:]
}

// CanBackquote reports whether the string s can be represented
// unchanged as a single-line backquoted string without control
// characters other than tab.
func CanBackquote(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < ' ' && c != '\t' || c == '`' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r := []rune(s[i:min(i+4, len(s))])[0]
		w := len(string(r))
		if r == 0xFFFD && (i+3 > len(s) || s[i:i+3] != "\uFFFD") {
			return false // an invalid byte
		}
		if r == '\uFEFF' {
			return false
		}
		i += w
	}
	return true
}
