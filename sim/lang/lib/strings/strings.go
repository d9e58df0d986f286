// Package strings: the common functions in Go, byte by byte (case mapping
// and EqualFold cover ASCII, Latin-1, Greek and Cyrillic).
package strings

func Contains(s, substr string) bool     { return Index(s, substr) >= 0 }
func ContainsRune(s string, r rune) bool { return IndexRune(s, r) >= 0 }
func ContainsAny(s, chars string) bool   { return IndexAny(s, chars) >= 0 }
func ContainsFunc(s string, f func(rune) bool) bool {
	return IndexFunc(s, f) >= 0
}

func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

func Index(s, substr string) int {
	n := len(substr)
	for i := 0; i+n <= len(s); i++ {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

func LastIndex(s, substr string) int {
	n := len(substr)
	for i := len(s) - n; i >= 0; i-- {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

func IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func LastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func IndexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

func IndexAny(s, chars string) int {
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

func LastIndexAny(s, chars string) int {
	last := -1
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			last = i
		}
	}
	return last
}

func IndexFunc(s string, f func(rune) bool) int {
	for i, c := range s {
		if f(c) {
			return i
		}
	}
	return -1
}

func LastIndexFunc(s string, f func(rune) bool) int {
	last := -1
	for i, c := range s {
		if f(c) {
			last = i
		}
	}
	return last
}

func Count(s, substr string) int {
	if len(substr) == 0 {
		return len([]rune(s)) + 1
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return 1
}

// explode: s as one string per UTF-8 sequence (an invalid byte is one),
// at most n (n < 0: all), the last holding the rest.
func explode(s string, n int) []string {
	var starts []int
	for i := range s {
		starts = append(starts, i)
	}
	if n < 0 || n > len(starts) {
		n = len(starts)
	}
	a := make([]string, n)
	for k := 0; k < n-1; k++ {
		a[k] = s[starts[k]:starts[k+1]]
	}
	if n > 0 {
		a[n-1] = s[starts[n-1]:]
	}
	return a
}

func genSplit(s, sep string, sepSave, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	a := make([]string, 0, n)
	for len(a) < n-1 {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a = append(a, s[:m+sepSave])
		s = s[m+len(sep):]
	}
	return append(a, s)
}

func Split(s, sep string) []string         { return genSplit(s, sep, 0, -1) }
func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }
func SplitAfter(s, sep string) []string {
	return genSplit(s, sep, len(sep), -1)
}
func SplitAfterN(s, sep string, n int) []string {
	return genSplit(s, sep, len(sep), n)
}

func Fields(s string) []string { return FieldsFunc(s, isSpace) }

func FieldsFunc(s string, f func(rune) bool) []string {
	var a []string
	start := -1
	for i, c := range s {
		if f(c) {
			if start >= 0 {
				a = append(a, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		a = append(a, s[start:])
	}
	return a
}

func Join(elems []string, sep string) string {
	var b []byte
	for i, e := range elems {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, e...)
	}
	return string(b)
}

func Repeat(s string, count int) string {
	if count < 0 {
		panic("strings: negative Repeat count")
	}
	var b []byte
	for i := 0; i < count; i++ {
		b = append(b, s...)
	}
	return string(b)
}

func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	var b []byte
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				j += runeWidth(s[start:])
			}
		} else {
			j += Index(s[start:], old)
		}
		b = append(b, s[start:j]...)
		b = append(b, new...)
		start = j + len(old)
	}
	b = append(b, s[start:]...)
	return string(b)
}

// runeWidth: the length of s's first UTF-8 sequence (1 for a bad byte).
func runeWidth(s string) int {
	for i := range s {
		if i > 0 {
			return i
		}
	}
	return len(s)
}

func ReplaceAll(s, old, new string) string { return Replace(s, old, new, -1) }

func Map(mapping func(rune) rune, s string) string {
	var b []rune
	for _, c := range s {
		if m := mapping(c); m >= 0 {
			b = append(b, m)
		}
	}
	return string(b)
}

// Case mapping covers ASCII, Latin-1, Greek and Cyrillic letters; other
// runes are left as they are.
func toUpperRune(c rune) rune {
	switch {
	case c >= 'a' && c <= 'z':
		return c - 32
	case c >= 0xE0 && c <= 0xFE && c != 0xF7:
		return c - 32
	case c == 0xFF:
		return 0x178
	case c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2:
		return c - 32
	case c == 0x3C2:
		return 0x3A3
	case c >= 0x430 && c <= 0x44F:
		return c - 32
	case c >= 0x450 && c <= 0x45F:
		return c - 80
	}
	return c
}

func toLowerRune(c rune) rune {
	switch {
	case c >= 'A' && c <= 'Z':
		return c + 32
	case c >= 0xC0 && c <= 0xDE && c != 0xD7:
		return c + 32
	case c == 0x178:
		return 0xFF
	case c >= 0x391 && c <= 0x3A9 && c != 0x3A2:
		return c + 32
	case c >= 0x410 && c <= 0x42F:
		return c + 32
	case c >= 0x400 && c <= 0x40F:
		return c + 80
	}
	return c
}

func ToUpper(s string) string { return Map(toUpperRune, s) }
func ToLower(s string) string { return Map(toLowerRune, s) }

func Title(s string) string {
	prev := ' '
	return Map(func(r rune) rune {
		p := prev
		prev = r
		if isSeparator(p) {
			return toUpperRune(r)
		}
		return r
	}, s)
}

// isSeparator: a word boundary for Title, as Go's: ASCII other than
// letters, digits and '_', and spaces.
func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	return isSpace(r)
}

func EqualFold(s, t string) bool {
	a, b := []rune(s), []rune(t)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && toLowerRune(a[i]) != toLowerRune(b[i]) {
			return false
		}
	}
	return true
}

func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028,
		0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func TrimLeftFunc(s string, f func(rune) bool) string {
	for i, c := range s {
		if !f(c) {
			return s[i:]
		}
	}
	return ""
}

func TrimRightFunc(s string, f func(rune) bool) string {
	end, kept := 0, false
	for i, c := range s {
		if kept {
			end = i
		}
		kept = !f(c)
	}
	if kept {
		end = len(s)
	}
	return s[:end]
}

func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func TrimSpace(s string) string { return TrimFunc(s, isSpace) }

func Trim(s, cutset string) string {
	return TrimFunc(s, func(r rune) bool { return IndexRune(cutset, r) >= 0 })
}

func TrimLeft(s, cutset string) string {
	return TrimLeftFunc(s, func(r rune) bool { return IndexRune(cutset, r) >= 0 })
}

func TrimRight(s, cutset string) string {
	return TrimRightFunc(s, func(r rune) bool { return IndexRune(cutset, r) >= 0 })
}

func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

func Clone(s string) string { return s }

// Builder: appends to a byte slice; as in Go it is not safe for
// concurrent use (its slice is tracked like any shared value).
type Builder struct {
	buf []byte
}

func (b *Builder) String() string { return string(b.buf) }
func (b *Builder) Len() int       { return len(b.buf) }
func (b *Builder) Cap() int       { return cap(b.buf) }
func (b *Builder) Reset()         { b.buf = nil }
func (b *Builder) Grow(n int) {
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
}

func (b *Builder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *Builder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

func (b *Builder) WriteRune(r rune) (int, error) {
	s := string(r)
	b.buf = append(b.buf, s...)
	return len(s), nil
}

func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// Replacer: NewReplacer's pairs, tried in argument order at each
// position (Go's generic algorithm; its byte-only special cases give the
// same results).
type Replacer struct {
	oldnew []string
}

func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{oldnew}
}

func (r *Replacer) Replace(s string) string {
	var b []byte
	for i := 0; i <= len(s); {
		matched := false
		for k := 0; k < len(r.oldnew); k += 2 {
			o := r.oldnew[k]
			if HasPrefix(s[i:], o) {
				b = append(b, r.oldnew[k+1]...)
				if o == "" {
					if i < len(s) {
						b = append(b, s[i])
					}
					i++
				} else {
					i += len(o)
				}
				matched = true
				break
			}
		}
		if !matched {
			if i < len(s) {
				b = append(b, s[i])
			}
			i++
		}
	}
	return string(b)
}

// ToTitle: s with every letter mapped to its title case (the upper case
// for the scripts weft's case mapping covers).
func ToTitle(s string) string { return Map(toUpperRune, s) }

// ToValidUTF8: s with each run of invalid UTF-8 bytes replaced by
// replacement.
func ToValidUTF8(s, replacement string) string {
	var b []byte
	bad := false
	for i, r := range s {
		if r == 0xFFFD && (i+3 > len(s) || s[i:i+3] != "\uFFFD") {
			if !bad {
				b = append(b, replacement...)
			}
			bad = true
			continue
		}
		bad = false
		b = append(b, string(r)...)
	}
	return string(b)
}
