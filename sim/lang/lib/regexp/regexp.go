// Package regexp: regular expressions in RE2's syntax, as Go's regexp:
// Perl flags (?imsU), named groups, classes (Perl, POSIX, \pL and the
// Unicode categories and scripts weft's unicode has), repetition up to
// 1000, with Go's parse errors; matches are leftmost-first, submatches
// as Go reports them. weft's matcher backtracks: a pattern that
// backtracks heavily is slow here where Go's is linear in time.
// Longest (leftmost-longest matching) and CompilePOSIX are not here.
package regexp

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const __refusePOSIX = "CompilePOSIX MustCompilePOSIX|weft's regexp matches leftmost-first only (Go's default), not POSIX leftmost-longest"

// Regexp is the representation of a compiled regular expression.
type Regexp struct {
	expr  string
	prog  *node
	ncap  int
	names []string
}

// Compile parses a regular expression and returns, if successful, a
// Regexp object that can be used to match against text.
func Compile(expr string) (*Regexp, error) {
	n, ncap, names, err := parse(expr)
	if err != nil {
		return nil, err
	}
	return &Regexp{expr: expr, prog: n, ncap: ncap, names: names}, nil
}

// MustCompile is like Compile but panics if the expression cannot be
// parsed.
func MustCompile(str string) *Regexp {
	re, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return re
}

func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// MatchString reports whether the string s contains any match of the
// regular expression pattern.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// Match reports whether the byte slice b contains any match of the
// regular expression pattern.
func Match(pattern string, b []byte) (matched bool, err error) {
	return MatchString(pattern, string(b))
}

// QuoteMeta returns a string that escapes all regular expression
// metacharacters inside the argument text.
func QuoteMeta(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`\.+*?()|[]{}^$`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (re *Regexp) String() string { return re.expr }

// NumSubexp returns the number of parenthesized subexpressions.
func (re *Regexp) NumSubexp() int { return re.ncap }

// SubexpNames returns the names of the parenthesized subexpressions.
func (re *Regexp) SubexpNames() []string { return re.names }

// SubexpIndex returns the index of the first subexpression with the
// given name, or -1 if there is none.
func (re *Regexp) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.names {
			if name == s {
				return i
			}
		}
	}
	return -1
}

// ---- the matcher ----

type machine struct {
	in   string
	caps []int
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func (m *machine) wordAt(i int) bool { return i >= 0 && i < len(m.in) && isWordByte(m.in[i]) }

func (n *node) classHas(r rune) bool {
	in := false
	for i := 0; i+1 < len(n.ranges) && !in; i += 2 {
		in = n.ranges[i] <= r && r <= n.ranges[i+1]
	}
	for _, t := range n.tables {
		if !in && unicode.Is(t.t, r) != t.neg {
			in = true
		}
	}
	return in
}

func (n *node) matchRune(r rune) bool {
	switch n.op {
	case opLit:
		if r == n.r {
			return true
		}
		if n.fold {
			for f := unicode.SimpleFold(n.r); f != n.r; f = unicode.SimpleFold(f) {
				if f == r {
					return true
				}
			}
		}
		return false
	case opAny:
		return n.nl || r != '\n'
	}
	in := n.classHas(r)
	if !in && n.fold {
		for f := unicode.SimpleFold(r); f != r && !in; f = unicode.SimpleFold(f) {
			in = n.classHas(f)
		}
	}
	return in != n.neg
}

// match: does n match at i, followed by what k accepts?
func (m *machine) match(n *node, i int, k func(int) bool) bool {
	switch n.op {
	case opLit, opClass, opAny:
		if i >= len(m.in) {
			return false
		}
		r, w := utf8.DecodeRuneInString(m.in[i:])
		return n.matchRune(r) && k(i+w)
	case opEmpty:
		return k(i)
	case opBeginText:
		return i == 0 && k(i)
	case opEndText:
		return i == len(m.in) && k(i)
	case opBeginLine:
		return (i == 0 || m.in[i-1] == '\n') && k(i)
	case opEndLine:
		return (i == len(m.in) || m.in[i] == '\n') && k(i)
	case opWordB:
		return m.wordAt(i-1) != m.wordAt(i) && k(i)
	case opNoWordB:
		return m.wordAt(i-1) == m.wordAt(i) && k(i)
	case opConcat:
		return m.seq(n.subs, i, k)
	case opAlt:
		for _, s := range n.subs {
			if m.match(s, i, k) {
				return true
			}
		}
		return false
	case opCapture:
		c := n.cap
		old0, old1 := m.caps[2*c], m.caps[2*c+1]
		m.caps[2*c] = i
		if m.match(n.subs[0], i, func(j int) bool {
			prev := m.caps[2*c+1]
			m.caps[2*c+1] = j
			if k(j) {
				return true
			}
			m.caps[2*c+1] = prev
			return false
		}) {
			return true
		}
		m.caps[2*c], m.caps[2*c+1] = old0, old1
		return false
	case opRepeat:
		return m.rep(n, 0, i, k)
	}
	return false
}

func (m *machine) seq(subs []*node, i int, k func(int) bool) bool {
	if len(subs) == 0 {
		return k(i)
	}
	return m.match(subs[0], i, func(j int) bool { return m.seq(subs[1:], j, k) })
}

// rep: iterations count.. of n at i. As Go compiles them, x{n,m}
// is copies of x (an empty iteration is one like any other), x{n,} is
// n-1 copies and a loop x+; x* of an x that can match empty is (x+)?.
// In the loop, an empty iteration that is its first exits it; a later
// one would revisit the loop's split at the same position, which Go's
// matcher drops.
func (m *machine) rep(n *node, count, i int, k func(int) bool) bool {
	if n.max >= 0 && count >= n.max {
		return k(i)
	}
	loop := -1
	if n.max < 0 {
		loop = n.min - 1
		if loop < 0 {
			loop = 0
		}
	}
	more := func() bool {
		return m.match(n.subs[0], i, func(j int) bool {
			if j == i && loop >= 0 && count >= loop {
				if count == loop {
					return k(j)
				}
				return false
			}
			return m.rep(n, count+1, j, k)
		})
	}
	if count < n.min {
		return more()
	}
	if n.greedy {
		return more() || k(i)
	}
	return k(i) || more()
}

// exec: the leftmost-first match in s at or after pos, as submatch
// indices (nil: none).
func (re *Regexp) exec(s string, pos int) []int {
	m := &machine{in: s, caps: make([]int, 2*(re.ncap+1))}
	for start := pos; start <= len(s); {
		for i := range m.caps {
			m.caps[i] = -1
		}
		end := -1
		if m.match(re.prog, start, func(j int) bool { end = j; return true }) {
			m.caps[0], m.caps[1] = start, end
			return m.caps
		}
		if start == len(s) {
			break
		}
		_, w := utf8.DecodeRuneInString(s[start:])
		start += w
	}
	return nil
}

// MatchString reports whether the string s contains any match of re.
func (re *Regexp) MatchString(s string) bool { return re.exec(s, 0) != nil }

// Match reports whether the byte slice b contains any match of re.
func (re *Regexp) Match(b []byte) bool { return re.exec(string(b), 0) != nil }

// FindString returns the text of the leftmost match in s ("" if none).
func (re *Regexp) FindString(s string) string {
	a := re.exec(s, 0)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

// FindStringIndex returns the location of the leftmost match in s.
func (re *Regexp) FindStringIndex(s string) []int {
	a := re.exec(s, 0)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindStringSubmatch returns the leftmost match and its submatches.
func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.exec(s, 0)
	if a == nil {
		return nil
	}
	return subs(s, a)
}

func subs(s string, a []int) []string {
	r := make([]string, len(a)/2)
	for i := range r {
		if a[2*i] >= 0 {
			r[i] = s[a[2*i]:a[2*i+1]]
		}
	}
	return r
}

// FindStringSubmatchIndex returns the index pairs of the leftmost match
// and its submatches.
func (re *Regexp) FindStringSubmatchIndex(s string) []int { return re.exec(s, 0) }

// Find returns the leftmost match in b (nil if none).
func (re *Regexp) Find(b []byte) []byte {
	a := re.exec(string(b), 0)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

// FindIndex returns the location of the leftmost match in b.
func (re *Regexp) FindIndex(b []byte) []int { return re.FindStringIndex(string(b)) }

// FindSubmatch returns the leftmost match in b and its submatches.
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	a := re.exec(string(b), 0)
	if a == nil {
		return nil
	}
	return bsubs(b, a)
}

func bsubs(b []byte, a []int) [][]byte {
	r := make([][]byte, len(a)/2)
	for i := range r {
		if a[2*i] >= 0 {
			r[i] = b[a[2*i]:a[2*i+1]:a[2*i+1]]
		}
	}
	return r
}

// FindSubmatchIndex returns the index pairs of the leftmost match in b
// and its submatches.
func (re *Regexp) FindSubmatchIndex(b []byte) []int { return re.exec(string(b), 0) }

// allMatches: up to n (n < 0: all) successive non-overlapping matches,
// as Go finds them (no empty match right after a match).
func (re *Regexp) allMatches(s string, n int) [][]int {
	if n < 0 {
		n = len(s) + 1
	}
	var out [][]int
	for pos, i, prevMatchEnd := 0, 0, -1; i < n && pos <= len(s); {
		a := re.exec(s, pos)
		if a == nil {
			break
		}
		accept := true
		if a[1] == pos {
			if a[0] == prevMatchEnd {
				accept = false
			}
			if pos < len(s) {
				_, w := utf8.DecodeRuneInString(s[pos:])
				pos += w
			} else {
				pos = len(s) + 1
			}
		} else {
			pos = a[1]
		}
		prevMatchEnd = a[1]
		if accept {
			out = append(out, append([]int(nil), a...))
			i++
		}
	}
	return out
}

// FindAllString returns a slice of all successive matches (nil if none).
func (re *Regexp) FindAllString(s string, n int) []string {
	var r []string
	for _, a := range re.allMatches(s, n) {
		r = append(r, s[a[0]:a[1]])
	}
	return r
}

// FindAllStringIndex returns the locations of all successive matches.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	var r [][]int
	for _, a := range re.allMatches(s, n) {
		r = append(r, a[0:2])
	}
	return r
}

// FindAllStringSubmatch returns the submatches of all successive matches.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var r [][]string
	for _, a := range re.allMatches(s, n) {
		r = append(r, subs(s, a))
	}
	return r
}

// FindAllStringSubmatchIndex returns the index pairs of all successive
// matches and their submatches.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return re.allMatches(s, n)
}

// FindAll returns a slice of all successive matches in b.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var r [][]byte
	for _, a := range re.allMatches(string(b), n) {
		r = append(r, b[a[0]:a[1]:a[1]])
	}
	return r
}

// FindAllIndex returns the locations of all successive matches in b.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	return re.FindAllStringIndex(string(b), n)
}

// FindAllSubmatch returns the submatches of all successive matches in b.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var r [][][]byte
	for _, a := range re.allMatches(string(b), n) {
		r = append(r, bsubs(b, a))
	}
	return r
}

// FindAllSubmatchIndex returns the index pairs of all successive matches
// in b and their submatches.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return re.allMatches(string(b), n)
}

// replaceAll: src with each match replaced by repl's text, as Go's
// (advancing at least one character after an empty match).
func (re *Regexp) replaceAll(src string, repl func(dst []byte, m []int) []byte) []byte {
	lastMatchEnd := 0
	searchPos := 0
	var buf []byte
	for searchPos <= len(src) {
		a := re.exec(src, searchPos)
		if a == nil {
			break
		}
		buf = append(buf, src[lastMatchEnd:a[0]]...)
		if a[1] > lastMatchEnd || a[0] == 0 {
			buf = repl(buf, a)
		}
		lastMatchEnd = a[1]
		width := 1
		if searchPos < len(src) {
			_, width = utf8.DecodeRuneInString(src[searchPos:])
		}
		if searchPos+width > a[1] {
			searchPos += width
		} else if searchPos+1 > a[1] {
			searchPos++
		} else {
			searchPos = a[1]
		}
	}
	return append(buf, src[lastMatchEnd:]...)
}

// ReplaceAllString returns a copy of src, replacing matches with repl,
// in which $1, ${name} and the like are expanded (see Expand).
func (re *Regexp) ReplaceAllString(src, repl string) string {
	return string(re.replaceAll(src, func(dst []byte, m []int) []byte {
		return re.expand(dst, repl, src, m)
	}))
}

// ReplaceAllLiteralString returns a copy of src, replacing matches with
// repl as it is.
func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return string(re.replaceAll(src, func(dst []byte, m []int) []byte {
		return append(dst, repl...)
	}))
}

// ReplaceAllStringFunc returns a copy of src in which every match has
// been replaced by repl applied to it.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return string(re.replaceAll(src, func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	}))
}

// ReplaceAll is ReplaceAllString on byte slices.
func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	s := string(src)
	return re.replaceAll(s, func(dst []byte, m []int) []byte {
		return re.expand(dst, string(repl), s, m)
	})
}

// ReplaceAllLiteral is ReplaceAllLiteralString on byte slices.
func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	return re.replaceAll(string(src), func(dst []byte, m []int) []byte {
		return append(dst, repl...)
	})
}

// ReplaceAllFunc is ReplaceAllStringFunc on byte slices.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return re.replaceAll(string(src), func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	})
}

// Expand appends template to dst with its variables ($1, ${name}, ...)
// replaced by the submatches of match in src.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return re.expand(dst, string(template), string(src), match)
}

// ExpandString is like Expand but the template and source are strings.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return re.expand(dst, template, src, match)
}

func (re *Regexp) expand(dst []byte, template string, src string, match []int) []byte {
	for len(template) > 0 {
		before, after, ok := strings.Cut(template, "$")
		if !ok {
			break
		}
		dst = append(dst, before...)
		template = after
		if template != "" && template[0] == '$' {
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		name, num, rest, ok := extract(template)
		if !ok {
			dst = append(dst, '$')
			continue
		}
		template = rest
		if num >= 0 {
			if 2*num+1 < len(match) && match[2*num] >= 0 {
				dst = append(dst, src[match[2*num]:match[2*num+1]]...)
			}
		} else {
			for i, namei := range re.names {
				if name == namei && 2*i+1 < len(match) && match[2*i] >= 0 {
					dst = append(dst, src[match[2*i]:match[2*i+1]]...)
					break
				}
			}
		}
	}
	return append(dst, template...)
}

func extract(str string) (name string, num int, rest string, ok bool) {
	if str == "" {
		return
	}
	brace := false
	if str[0] == '{' {
		brace = true
		str = str[1:]
	}
	i := 0
	for i < len(str) {
		r, size := utf8.DecodeRuneInString(str[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		i += size
	}
	if i == 0 {
		return
	}
	name = str[:i]
	if brace {
		if i >= len(str) || str[i] != '}' {
			return
		}
		i++
	}
	num = 0
	for j := 0; j < len(name); j++ {
		if name[j] < '0' || '9' < name[j] || num >= 1e8 {
			num = -1
			break
		}
		num = num*10 + int(name[j]) - '0'
	}
	if name[0] == '0' && len(name) > 1 {
		num = -1
	}
	rest = str[i:]
	ok = true
	return
}

// Split slices s into substrings separated by the expression and
// returns a slice of the substrings between those expression matches.
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if len(re.expr) > 0 && len(s) == 0 {
		return []string{""}
	}
	matches := re.FindAllStringIndex(s, n)
	out := make([]string, 0, len(matches))
	beg, end := 0, 0
	for _, match := range matches {
		if n > 0 && len(out) == n-1 {
			break
		}
		end = match[0]
		if match[1] != 0 {
			out = append(out, s[beg:end])
		}
		beg = match[1]
	}
	if end != len(s) {
		out = append(out, s[beg:])
	}
	return out
}
