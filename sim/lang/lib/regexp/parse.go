package regexp

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The parser: RE2's syntax as Go's regexp/syntax reads it (Perl flags),
// with Go's error codes and the text they quote.

type node struct {
	op       int
	r        rune     // opLit
	ranges   []rune   // opClass: lo, hi pairs
	tables   []uTable // opClass: Unicode tables
	neg      bool     // opClass: negated
	fold     bool     // opLit, opClass: case-insensitive
	nl       bool     // opAny: matches '\n' too
	subs     []*node  // opConcat, opAlt; opRepeat, opCapture: subs[0]
	min, max int      // opRepeat (max -1: no limit)
	greedy   bool
	cap      int  // opCapture: its index
	quoted   bool // opConcat: the literals of \Q...\E, each an atom
}

type uTable struct {
	t   *unicode.RangeTable
	neg bool
}

const (
	opLit = iota
	opClass
	opAny
	opBeginLine
	opEndLine
	opBeginText
	opEndText
	opWordB
	opNoWordB
	opEmpty
	opConcat
	opAlt
	opRepeat
	opCapture
)

type syntaxError struct{ code, expr string }

func (e *syntaxError) Error() string {
	return "error parsing regexp: " + e.code + ": `" + e.expr + "`"
}

const (
	flagI = 1 << iota
	flagM
	flagS
	flagU
)

type parser struct {
	src   string
	pos   int
	flags int
	ncap  int
	names []string
}

func parse(s string) (*node, int, []string, error) {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return nil, 0, nil, &syntaxError{"invalid UTF-8", s[i:]}
		}
		i += w
	}
	p := &parser{src: s, names: []string{""}}
	n, err := p.alt(0)
	if err != nil {
		return nil, 0, nil, err
	}
	if p.pos < len(p.src) {
		return nil, 0, nil, &syntaxError{"unexpected )", s}
	}
	return n, p.ncap, p.names, nil
}

// alt: alternatives up to a ')' at depth > 0 or the end.
func (p *parser) alt(depth int) (*node, error) {
	var alts []*node
	for {
		c, err := p.concat(depth)
		if err != nil {
			return nil, err
		}
		alts = append(alts, c)
		if p.pos < len(p.src) && p.src[p.pos] == '|' {
			p.pos++
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{op: opAlt, subs: alts}, nil
}

func (p *parser) concat(depth int) (*node, error) {
	var items []*node
	lastRepeat := -1 // where the last repetition operator began
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '|' {
			break
		}
		if c == ')' {
			if depth == 0 {
				return nil, &syntaxError{"unexpected )", p.src}
			}
			break
		}
		start := p.pos
		if c == '*' || c == '+' || c == '?' || c == '{' {
			min, max, end, ok := p.repeatOp()
			if ok {
				if len(items) == 0 || items[len(items)-1] == nil {
					return nil, &syntaxError{"missing argument to repetition operator", p.src[start:end]}
				}
				if lastRepeat >= 0 {
					return nil, &syntaxError{"invalid nested repetition operator", p.src[lastRepeat:end]}
				}
				if min > 1000 || max > 1000 || max >= 0 && min > max {
					return nil, &syntaxError{"invalid repeat count", p.src[start:end]}
				}
				greedy := true
				p.pos = end
				if p.pos < len(p.src) && p.src[p.pos] == '?' {
					greedy = false
					p.pos++
				}
				if p.flags&flagU != 0 {
					greedy = !greedy
				}
				items[len(items)-1] = &node{op: opRepeat, subs: []*node{items[len(items)-1]}, min: min, max: max, greedy: greedy}
				lastRepeat = start
				continue
			}
		}
		lastRepeat = -1
		n, err := p.atom(depth)
		if err != nil {
			return nil, err
		}
		if n != nil && n.quoted {
			items = append(items, n.subs...)
		} else if n != nil {
			items = append(items, n)
		}
	}
	if len(items) == 1 {
		return items[0], nil
	}
	if len(items) == 0 {
		return &node{op: opEmpty}, nil
	}
	return &node{op: opConcat, subs: items}, nil
}

// repeatOp: the repetition operator at p.pos (ok false: a '{' that is
// a literal).
func (p *parser) repeatOp() (min, max, end int, ok bool) {
	switch p.src[p.pos] {
	case '*':
		return 0, -1, p.pos + 1, true
	case '+':
		return 1, -1, p.pos + 1, true
	case '?':
		return 0, 1, p.pos + 1, true
	}
	i := p.pos + 1
	num := func() (int, bool) {
		j := i
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		if i == j {
			return 0, false
		}
		n, err := strconv.Atoi(p.src[j:i])
		if err != nil || n > 1000 {
			n = 1001
		}
		return n, true
	}
	min, ok = num()
	if !ok {
		return
	}
	max = min
	if i < len(p.src) && p.src[i] == ',' {
		i++
		if i < len(p.src) && p.src[i] == '}' {
			max = -1
		} else if max, ok = num(); !ok {
			return
		}
	}
	if i >= len(p.src) || p.src[i] != '}' {
		return 0, 0, 0, false
	}
	return min, max, i + 1, true
}

func (p *parser) lit(r rune) *node {
	return &node{op: opLit, r: r, fold: p.flags&flagI != 0 && unicode.SimpleFold(r) != r}
}

// atom: one atom at p.pos (nil: a flag group that only set flags).
func (p *parser) atom(depth int) (*node, error) {
	c := p.src[p.pos]
	switch c {
	case '(':
		return p.group(depth)
	case '[':
		return p.class()
	case '.':
		p.pos++
		return &node{op: opAny, nl: p.flags&flagS != 0}, nil
	case '^':
		p.pos++
		if p.flags&flagM != 0 {
			return &node{op: opBeginLine}, nil
		}
		return &node{op: opBeginText}, nil
	case '$':
		p.pos++
		if p.flags&flagM != 0 {
			return &node{op: opEndLine}, nil
		}
		return &node{op: opEndText}, nil
	case '\\':
		return p.escapeAtom()
	}
	r, w := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += w
	return p.lit(r), nil
}

func (p *parser) group(depth int) (*node, error) {
	start := p.pos
	p.pos++
	name := ""
	capture := true
	if strings.HasPrefix(p.src[p.pos:], "?P<") || strings.HasPrefix(p.src[p.pos:], "?<") {
		i := p.pos + 2
		if p.src[p.pos+1] == 'P' {
			i++
		}
		end := strings.IndexByte(p.src[i:], '>')
		if end < 0 {
			return nil, &syntaxError{"invalid named capture", p.src[start:]}
		}
		name = p.src[i : i+end]
		if !isValidCaptureName(name) {
			return nil, &syntaxError{"invalid named capture", p.src[start : i+end+1]}
		}
		p.pos = i + end + 1
	} else if p.pos < len(p.src) && p.src[p.pos] == '?' {
		// flags: (?flags) or (?flags:re)
		i := p.pos + 1
		flags := p.flags
		neg, sawFlag := false, false
		for ; i < len(p.src); i++ {
			var f int
			switch p.src[i] {
			case 'i':
				f = flagI
			case 'm':
				f = flagM
			case 's':
				f = flagS
			case 'U':
				f = flagU
			case '-':
				if neg {
					return nil, &syntaxError{"invalid or unsupported Perl syntax", p.src[start : i+1]}
				}
				neg, sawFlag = true, false
				continue
			case ':', ')':
				if neg && !sawFlag || i == p.pos+1 && p.src[i] == ')' {
					return nil, &syntaxError{"invalid or unsupported Perl syntax", p.src[start : i+1]}
				}
				if p.src[i] == ')' {
					p.flags = flags
					p.pos = i + 1
					return nil, nil
				}
				saved := p.flags
				p.flags = flags
				p.pos = i + 1
				n, err := p.alt(depth + 1)
				if err != nil {
					return nil, err
				}
				if p.pos >= len(p.src) {
					return nil, &syntaxError{"missing closing )", p.src}
				}
				p.pos++
				p.flags = saved
				return n, nil
			default:
				return nil, &syntaxError{"invalid or unsupported Perl syntax", p.src[start : i+1]}
			}
			sawFlag = true
			if neg {
				flags &^= f
			} else {
				flags |= f
			}
		}
		return nil, &syntaxError{"invalid or unsupported Perl syntax", p.src[start:]}
	}
	idx := 0
	if capture {
		p.ncap++
		idx = p.ncap
		p.names = append(p.names, name)
	}
	saved := p.flags
	n, err := p.alt(depth + 1)
	p.flags = saved
	if err != nil {
		return nil, err
	}
	if p.pos >= len(p.src) {
		return nil, &syntaxError{"missing closing )", p.src}
	}
	p.pos++
	return &node{op: opCapture, subs: []*node{n}, cap: idx}, nil
}

func isValidCaptureName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if c != '_' && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

var perlClasses = map[byte][]rune{
	'd': {'0', '9'},
	's': {'\t', '\n', '\f', '\f', '\r', '\r', ' ', ' '},
	'w': {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'},
}

var posixClasses = map[string][]rune{
	"alnum":  {'0', '9', 'A', 'Z', 'a', 'z'},
	"alpha":  {'A', 'Z', 'a', 'z'},
	"ascii":  {0, 0x7f},
	"blank":  {'\t', '\t', ' ', ' '},
	"cntrl":  {0, 0x1f, 0x7f, 0x7f},
	"digit":  {'0', '9'},
	"graph":  {'!', '~'},
	"lower":  {'a', 'z'},
	"print":  {' ', '~'},
	"punct":  {'!', '/', ':', '@', '[', '`', '{', '~'},
	"space":  {'\t', '\r', ' ', ' '},
	"upper":  {'A', 'Z'},
	"word":   {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'},
	"xdigit": {'0', '9', 'A', 'F', 'a', 'f'},
}

// escape reads the escape at p.pos ('\\'): a rune (class nil), or a
// class (\d, \pL, ...) as ranges and tables.
func (p *parser) escape(inClass bool) (r rune, cls *node, err error) {
	start := p.pos
	p.pos++
	if p.pos >= len(p.src) {
		return 0, nil, &syntaxError{"trailing backslash at end of expression", ""}
	}
	c, w := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += w
	switch c {
	case 'd', 'D', 's', 'S', 'w', 'W':
		lc := byte(unicode.ToLower(c))
		return 0, &node{op: opClass, ranges: perlClasses[lc], neg: c != rune(lc)}, nil
	case 'p', 'P':
		name := ""
		if p.pos < len(p.src) && p.src[p.pos] == '{' {
			end := strings.IndexByte(p.src[p.pos:], '}')
			if end < 0 {
				return 0, nil, &syntaxError{"invalid character class range", p.src[start:]}
			}
			name = p.src[p.pos+1 : p.pos+end]
			p.pos += end + 1
		} else if p.pos < len(p.src) {
			r, w := utf8.DecodeRuneInString(p.src[p.pos:])
			name = string(r)
			p.pos += w
		}
		neg := c == 'P'
		if strings.HasPrefix(name, "^") {
			neg = !neg
			name = name[1:]
		}
		if name == "Any" {
			return 0, &node{op: opClass, ranges: []rune{0, unicode.MaxRune}, neg: neg}, nil
		}
		t := unicode.Categories[name]
		if t == nil {
			t = unicode.Scripts[name]
		}
		if t == nil {
			return 0, nil, &syntaxError{"invalid character class range", p.src[start:p.pos]}
		}
		return 0, &node{op: opClass, tables: []uTable{{t, false}}, neg: neg}, nil
	case 'a':
		return '\a', nil, nil
	case 'f':
		return '\f', nil, nil
	case 'n':
		return '\n', nil, nil
	case 'r':
		return '\r', nil, nil
	case 't':
		return '\t', nil, nil
	case 'v':
		return '\v', nil, nil
	case 'x':
		if p.pos < len(p.src) && p.src[p.pos] == '{' {
			end := strings.IndexByte(p.src[p.pos:], '}')
			if end < 0 {
				return 0, nil, &syntaxError{"invalid escape sequence", p.src[start:]}
			}
			v, err := strconv.ParseUint(p.src[p.pos+1:p.pos+end], 16, 32)
			p.pos += end + 1
			if err != nil || v > unicode.MaxRune {
				return 0, nil, &syntaxError{"invalid escape sequence", p.src[start : p.pos-1]}
			}
			return rune(v), nil, nil
		}
		if p.pos+2 > len(p.src) {
			return 0, nil, &syntaxError{"invalid escape sequence", p.src[start:]}
		}
		v, err := strconv.ParseUint(p.src[p.pos:p.pos+2], 16, 8)
		p.pos += 2
		if err != nil {
			return 0, nil, &syntaxError{"invalid escape sequence", p.src[start:p.pos]}
		}
		return rune(v), nil, nil
	case '0', '1', '2', '3', '4', '5', '6', '7':
		// octal: \0 alone, or \1.. followed by digits (not backreferences)
		if c != '0' && (p.pos >= len(p.src) || p.src[p.pos] < '0' || p.src[p.pos] > '7') {
			break
		}
		v := c - '0'
		for i := 1; i < 3 && p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; i++ {
			v = v*8 + rune(p.src[p.pos]-'0')
			p.pos++
		}
		return v, nil, nil
	default:
		if c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return c, nil, nil
		}
	}
	return 0, nil, &syntaxError{"invalid escape sequence", p.src[start:p.pos]}
}

func (p *parser) escapeAtom() (*node, error) {
	if p.pos+1 < len(p.src) {
		switch p.src[p.pos+1] {
		case 'A':
			p.pos += 2
			return &node{op: opBeginText}, nil
		case 'z':
			p.pos += 2
			return &node{op: opEndText}, nil
		case 'b':
			p.pos += 2
			return &node{op: opWordB}, nil
		case 'B':
			p.pos += 2
			return &node{op: opNoWordB}, nil
		case 'Q':
			p.pos += 2
			end := strings.Index(p.src[p.pos:], `\E`)
			lit := p.src[p.pos:]
			if end >= 0 {
				lit = p.src[p.pos : p.pos+end]
				p.pos += end + 2
			} else {
				p.pos = len(p.src)
			}
			var items []*node
			for _, r := range lit {
				items = append(items, p.lit(r))
			}
			if len(items) == 1 {
				return items[0], nil
			}
			return &node{op: opConcat, subs: items, quoted: true}, nil
		}
	}
	r, cls, err := p.escape(false)
	if err != nil {
		return nil, err
	}
	if cls != nil {
		cls.fold = p.flags&flagI != 0
		return cls, nil
	}
	return p.lit(r), nil
}

func (p *parser) class() (*node, error) {
	start := p.pos
	p.pos++
	n := &node{op: opClass, fold: p.flags&flagI != 0}
	if p.pos < len(p.src) && p.src[p.pos] == '^' {
		n.neg = true
		p.pos++
	}
	first := true
	for {
		if p.pos >= len(p.src) {
			return nil, &syntaxError{"missing closing ]", p.src[start:]}
		}
		c := p.src[p.pos]
		if c == ']' && !first {
			p.pos++
			break
		}
		first = false
		rstart := p.pos
		if c == '[' && p.pos+1 < len(p.src) && p.src[p.pos+1] == ':' {
			end := strings.Index(p.src[p.pos+2:], ":]")
			if end >= 0 {
				name := p.src[p.pos+2 : p.pos+2+end]
				neg := strings.HasPrefix(name, "^")
				if neg {
					name = name[1:]
				}
				rs, ok := posixClasses[name]
				if !ok {
					return nil, &syntaxError{"invalid character class range", p.src[p.pos : p.pos+4+end]}
				}
				p.pos += 4 + end
				if neg {
					n.tables = append(n.tables, uTable{rangeTable(rs), true})
				} else {
					n.ranges = append(n.ranges, rs...)
				}
				continue
			}
		}
		lo, cls, err := p.classRune()
		if err != nil {
			return nil, err
		}
		if cls != nil {
			if cls.neg || cls.tables != nil {
				t := cls.tables
				if t == nil {
					t = []uTable{{rangeTable(cls.ranges), false}}
				}
				for _, ut := range t {
					n.tables = append(n.tables, uTable{ut.t, ut.neg != cls.neg})
				}
			} else {
				n.ranges = append(n.ranges, cls.ranges...)
			}
			continue
		}
		hi := lo
		if p.pos+1 < len(p.src) && p.src[p.pos] == '-' && p.src[p.pos+1] != ']' {
			p.pos++
			h, hcls, err := p.classRune()
			if err != nil {
				return nil, err
			}
			if hcls != nil || h < lo {
				return nil, &syntaxError{"invalid character class range", p.src[rstart:p.pos]}
			}
			hi = h
		}
		n.ranges = append(n.ranges, lo, hi)
	}
	return n, nil
}

func (p *parser) classRune() (rune, *node, error) {
	if p.src[p.pos] == '\\' {
		return p.escape(true)
	}
	r, w := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += w
	return r, nil, nil
}

// rangeTable: lo, hi pairs as a table (for negated classes in a class).
func rangeTable(rs []rune) *unicode.RangeTable {
	t := &unicode.RangeTable{}
	for i := 0; i < len(rs); i += 2 {
		t.R32 = append(t.R32, unicode.Range32{Lo: uint32(rs[i]), Hi: uint32(rs[i+1]), Stride: 1})
	}
	return t
}
