package strconv

// The Append forms, the graphic quoting and the rune classes, built on
// Quote and QuoteRune (fmt's %q).

func AppendBool(dst []byte, b bool) []byte { return append(dst, FormatBool(b)...) }
func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}
func AppendFloat(dst []byte, f float64, fmtc byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmtc, prec, bitSize)...)
}
func AppendQuoteRune(dst []byte, r rune) []byte { return append(dst, QuoteRune(r)...) }
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToASCII(r)...)
}
func AppendQuoteToASCII(dst []byte, s string) []byte { return append(dst, QuoteToASCII(s)...) }
func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return append(dst, QuoteToGraphic(s)...)
}
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToGraphic(r)...)
}

func QuoteRuneToASCII(r rune) string { return __sprintf("%+q", []any{r}) }

// IsPrint: what Quote leaves as it is (fmt's is_print, lib_fmt_verbs.c:
// it takes unassigned code points as printable, where Go's tables do
// not; importing unicode's tables here would cost every program).
func IsPrint(r rune) bool {
	if r == '\\' || r == '\'' {
		return true
	}
	if r > 0x10FFFF || r >= 0xD800 && r < 0xE000 || r < 0 {
		return false
	}
	return QuoteRune(r)[1] != '\\'
}

// IsGraphic: IsPrint, or a space of category Zs.
func IsGraphic(r rune) bool {
	switch r {
	case 0xA0, 0x1680, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A || IsPrint(r)
}

// graphic: s quoted with q, the graphic runes left as they are.
func graphic(s string, q byte) string {
	const hex = "0123456789abcdef"
	b := []byte{q}
	for i, r := range s {
		w := len(string(r))
		if r == 0xFFFD && (i+3 > len(s) || s[i:i+3] != "\uFFFD") {
			w = 1
		}
		switch {
		case w == 1 && r == 0xFFFD:
			b = append(b, '\\', 'x', hex[s[i]>>4], hex[s[i]&15])
		case r == rune(q) || r == '\\':
			b = append(b, '\\', byte(r))
		case IsGraphic(r):
			b = append(b, string(r)...)
		case r < ' ' || r == 0x7f:
			if k := indexByte("\a\b\f\n\r\t\v", byte(r)); k >= 0 {
				b = append(b, '\\', "abfnrtv"[k])
			} else {
				b = append(b, '\\', 'x', hex[r>>4], hex[r&15])
			}
		default:
			n, c := 4, byte('u')
			if r >= 0x10000 {
				n, c = 8, 'U'
			}
			b = append(b, '\\', c)
			for k := n - 1; k >= 0; k-- {
				b = append(b, hex[r>>(4*k)&15])
			}
		}
	}
	return string(append(b, q))
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func QuoteToGraphic(s string) string { return graphic(s, '"') }
func QuoteRuneToGraphic(r rune) string {
	if r > 0x10FFFF || r >= 0xD800 && r < 0xE000 || r < 0 {
		r = 0xFFFD
	}
	return graphic(string(r), '\'')
}

// QuotedPrefix: the quoted string (as Unquote reads it) at the start of
// s.
func QuotedPrefix(s string) (string, error) {
	if s == "" {
		return "", ErrSyntax
	}
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q != '`':
			i++
		case s[i] == '\n' && q != '`':
			return "", ErrSyntax
		case s[i] == q:
			if _, err := Unquote(s[:i+1]); err != nil {
				return "", err
			}
			return s[:i+1], nil
		}
	}
	return "", ErrSyntax
}

// FormatComplex: "(re+imi)", each part as FormatFloat writes it at half
// of bitSize (64: complex64, 128: complex128).
func FormatComplex(c complex128, fmtc byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	bitSize >>= 1
	im := FormatFloat(imag(c), fmtc, prec, bitSize)
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + FormatFloat(real(c), fmtc, prec, bitSize) + im + "i)"
}
