package fmt

import (
	"errors"
	"io"
	"strconv"
)

// Scanning, as the fmt package documents it: Sscan and Fscan take
// newlines as spaces, the ln forms stop at a newline, the f forms follow
// a format (spaces in it match any spaces of the input, newlines must
// match newlines, other text itself). Operands are pointers to bools,
// integers, floats, strings and byte slices. Scan, Scanln and Scanf read
// os.Stdin, which is empty in weft.

type scanError struct{ err error }

// scanner: the input, a rune at a time, with one rune of lookahead.
type scanner struct {
	next    func() (rune, bool)
	back    rune
	hasBack bool
	nlSpace bool // newlines count as spaces (Sscan, Fscan)
	limit   int  // runes the current operand may still take (a width)
	buf     []byte
}

func (s *scanner) get() (rune, bool) {
	if s.limit == 0 {
		return 0, false
	}
	if s.hasBack {
		s.hasBack = false
		s.limit--
		return s.back, true
	}
	r, ok := s.next()
	if ok {
		s.limit--
	}
	return r, ok
}

func (s *scanner) unget(r rune) {
	s.back, s.hasBack = r, true
	s.limit++
}

func (s *scanner) fail(msg string) { panic(scanError{errors.New(msg)}) }

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// skipSpace: past the spaces (and newlines, when they are spaces; else
// a newline is an error).
func (s *scanner) skipSpace() {
	for {
		r, ok := s.get()
		if !ok {
			return
		}
		if r == '\r' {
			if r2, ok2 := s.get(); ok2 && r2 == '\n' {
				r = '\n'
			} else if ok2 {
				s.unget(r2)
			}
		}
		if r == '\n' {
			if s.nlSpace {
				continue
			}
			s.fail("unexpected newline")
		}
		if !isSpace(r) {
			s.unget(r)
			return
		}
	}
}

// notEOF: io.EOF if the input is over.
func (s *scanner) notEOF() {
	r, ok := s.get()
	if !ok {
		panic(scanError{io.EOF})
	}
	s.unget(r)
}

// accept: the next rune into the token if it is one of set.
func (s *scanner) accept(set string) bool {
	r, ok := s.get()
	if !ok {
		return false
	}
	for _, c := range set {
		if c == r {
			s.buf = append(s.buf, string(r)...)
			return true
		}
	}
	s.unget(r)
	return false
}

func (s *scanner) peek(set string) bool {
	r, ok := s.get()
	if !ok {
		return false
	}
	s.unget(r)
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

const (
	decDigits = "0123456789"
	hexDigits = "0123456789aAbBcCdDeEfF"
)

// number: a token of integer digits (base: its base, 0 when a prefix
// says it, as for %v).
func (s *scanner) number(verb rune, signed bool) (string, int) {
	s.skipSpace()
	s.notEOF()
	s.buf = s.buf[:0]
	base, digits := 10, decDigits
	switch verb {
	case 'b':
		base, digits = 2, "01"
	case 'o':
		base, digits = 8, "01234567"
	case 'x', 'X':
		base, digits = 16, hexDigits
	}
	if signed {
		s.accept("+-")
	} else {
		s.accept("+")
	}
	have := false
	if verb == 'v' && s.peek("0") {
		s.accept("0")
		have, base = true, 0
		switch {
		case s.accept("bB"):
			digits = "01_"
		case s.accept("oO"):
			digits = "01234567_"
		case s.accept("xX"):
			digits = hexDigits + "_"
		default:
			digits = "01234567_"
		}
	} else if verb == 'v' {
		base, digits = 0, decDigits+"_"
	}
	if !have && !s.accept(digits) {
		s.fail("expected integer")
	}
	for s.accept(digits) {
	}
	return string(s.buf), base
}

func (s *scanner) integer(verb rune, bits int) int64 {
	if verb == 'c' {
		r, ok := s.get()
		if !ok {
			panic(scanError{io.EOF})
		}
		return int64(r)
	}
	tok, base := s.number(verb, true)
	i, err := strconv.ParseInt(tok, base, 64)
	if err != nil {
		panic(scanError{err})
	}
	if x := i << (64 - bits) >> (64 - bits); x != i {
		s.fail("integer overflow on token " + tok)
	}
	return i
}

func (s *scanner) unsigned(verb rune, bits int) uint64 {
	if verb == 'c' {
		return uint64(s.integer(verb, 64))
	}
	tok, base := s.number(verb, false)
	u, err := strconv.ParseUint(tok, base, 64)
	if err != nil {
		panic(scanError{err})
	}
	if x := u << (64 - bits) >> (64 - bits); x != u {
		s.fail("unsigned integer overflow on token " + tok)
	}
	return u
}

func (s *scanner) float(bits int) float64 {
	s.skipSpace()
	s.notEOF()
	s.buf = s.buf[:0]
	s.accept("+-")
	if s.accept("nN") && s.accept("aA") && s.accept("nN") {
		return nanOrInf(string(s.buf), bits)
	}
	if s.accept("iI") && s.accept("nN") && s.accept("fF") {
		return nanOrInf(string(s.buf), bits)
	}
	digits, exp := decDigits+"_", "eEpP"
	if s.accept("0") && s.accept("xX") {
		digits, exp = hexDigits+"_", "pP"
	}
	for s.accept(digits) {
	}
	if s.accept(".") {
		for s.accept(digits) {
		}
	}
	if s.accept(exp) {
		s.accept("+-")
		for s.accept(decDigits + "_") {
		}
	}
	f, err := strconv.ParseFloat(string(s.buf), bits)
	if err != nil {
		panic(scanError{err})
	}
	return f
}

func nanOrInf(tok string, bits int) float64 {
	f, _ := strconv.ParseFloat(tok, bits)
	return f
}

func (s *scanner) boolean() bool {
	s.skipSpace()
	s.notEOF()
	r, _ := s.get()
	bad := "syntax error scanning boolean"
	switch r {
	case '0':
		return false
	case '1':
		return true
	case 't', 'T':
		if s.accept("rR") && (!s.accept("uU") || !s.accept("eE")) {
			s.fail(bad)
		}
		return true
	case 'f', 'F':
		if s.accept("aA") && (!s.accept("lL") || !s.accept("sS") || !s.accept("eE")) {
			s.fail(bad)
		}
		return false
	}
	s.fail(bad)
	return false
}

// word: the runes up to the next space.
func (s *scanner) word() string {
	s.skipSpace()
	s.notEOF()
	var b []byte
	for {
		r, ok := s.get()
		if !ok {
			break
		}
		if isSpace(r) {
			s.unget(r)
			break
		}
		b = append(b, string(r)...)
	}
	return string(b)
}

// one: the next operand into arg, as verb reads it.
func (s *scanner) one(verb rune, arg any) {
	switch p := arg.(type) {
	case *bool:
		*p = s.boolean()
	case *int:
		*p = int(s.integer(verb, 64))
	case *int8:
		*p = int8(s.integer(verb, 8))
	case *int16:
		*p = int16(s.integer(verb, 16))
	case *int32:
		*p = int32(s.integer(verb, 32))
	case *int64:
		*p = s.integer(verb, 64)
	case *uint:
		*p = uint(s.unsigned(verb, 64))
	case *uint8:
		*p = uint8(s.unsigned(verb, 8))
	case *uint16:
		*p = uint16(s.unsigned(verb, 16))
	case *uint32:
		*p = uint32(s.unsigned(verb, 32))
	case *uint64:
		*p = s.unsigned(verb, 64)
	case *uintptr:
		*p = uintptr(s.unsigned(verb, 64))
	case *float32:
		*p = float32(s.float(32))
	case *float64:
		*p = s.float(64)
	case *string:
		*p = s.word()
	case *[]byte:
		*p = []byte(s.word())
	default:
		t := __sprintf("%T", []any{arg})
		if t == "" || t[0] != '*' {
			s.fail("type not a pointer: " + t)
		}
		s.fail("can't scan type: " + t)
	}
}

// run: f on a scanner over next; the operands scanned and the error.
func run(next func() (rune, bool), nlSpace bool, f func(s *scanner) int) (n int, err error) {
	s := &scanner{next: next, nlSpace: nlSpace, limit: -1}
	defer func() {
		if e := recover(); e != nil {
			se, ok := e.(scanError)
			if !ok {
				panic(e)
			}
			err = se.err
		}
	}()
	n = f(s)
	return
}

// operands: each of a, then (ln) nothing but spaces up to the newline.
func operands(a []any, ln bool, n *int) func(s *scanner) int {
	return func(s *scanner) int {
		for _, arg := range a {
			s.one('v', arg)
			*n++
		}
		if ln {
			for {
				r, ok := s.get()
				if !ok || r == '\n' {
					break
				}
				if !isSpace(r) {
					s.fail("expected newline")
				}
			}
		}
		return *n
	}
}

// formatted: the operands a as format lays them out.
func formatted(format string, a []any, n *int) func(s *scanner) int {
	return func(s *scanner) int {
		f := []rune(format)
		for i := 0; i < len(f); {
			if isSpace(f[i]) {
				nl := false
				for i < len(f) && isSpace(f[i]) {
					if f[i] == '\n' {
						if nl {
							break
						}
						nl = true
					}
					i++
				}
				r, ok := s.get()
				if !ok {
					continue
				}
				if !isSpace(r) {
					s.fail("expected space in input to match format")
				}
				for ok && r != '\n' && isSpace(r) {
					r, ok = s.get()
				}
				if ok && r == '\n' {
					if !nl {
						s.fail("newline in input does not match format")
					}
					continue
				}
				if ok {
					s.unget(r)
				}
				if nl {
					s.fail("newline in format does not match input")
				}
				continue
			}
			if f[i] != '%' || i+1 < len(f) && f[i+1] == '%' {
				if f[i] == '%' {
					i++
					s.skipSpace()
				}
				r, ok := s.get()
				if !ok {
					panic(scanError{io.ErrUnexpectedEOF})
				}
				if r != f[i] {
					s.unget(r)
					s.fail("input does not match format")
				}
				i++
				continue
			}
			i++
			if i == len(f) {
				s.fail("missing verb: % at end of format string")
			}
			width := -1
			for i < len(f) && f[i] >= '0' && f[i] <= '9' {
				if width < 0 {
					width = 0
				}
				width = width*10 + int(f[i]-'0')
				i++
			}
			if i == len(f) {
				s.fail("missing verb: % at end of format string")
			}
			verb := f[i]
			i++
			if verb != 'c' {
				s.skipSpace()
			}
			if *n >= len(a) {
				s.fail("too few operands for format '%" + string(f[i-1:]) + "'")
			}
			s.limit = width
			s.one(verb, a[*n])
			s.limit = -1
			*n++
		}
		if *n < len(a) {
			s.fail("too many operands")
		}
		return *n
	}
}

func stringRunes(str string) func() (rune, bool) {
	rs := []rune(str)
	i := 0
	return func() (rune, bool) {
		if i >= len(rs) {
			return 0, false
		}
		i++
		return rs[i-1], true
	}
}

// readerRunes: r's runes, through its ReadRune if it has one (so that
// the rune looked at last goes back with UnreadRune), else a byte at a
// time.
func readerRunes(r io.Reader) (func() (rune, bool), func()) {
	if rs, ok := r.(io.RuneScanner); ok {
		return func() (rune, bool) {
			c, _, err := rs.ReadRune()
			return c, err == nil
		}, func() { rs.UnreadRune() }
	}
	return func() (rune, bool) {
		var b [4]byte
		n := 0
		for n < 4 {
			k, err := r.Read(b[n : n+1])
			if k == 0 || err != nil && k == 0 {
				break
			}
			n++
			if s := string(b[:n]); len([]rune(s)) == 1 && ([]rune(s)[0] != 0xFFFD || s == "\uFFFD") {
				break
			}
		}
		if n == 0 {
			return 0, false
		}
		return []rune(string(b[:n]))[0], true
	}, nil
}

// fromReader: run over r, giving back the rune looked at last.
func fromReader(r io.Reader, nlSpace bool, f func(s *scanner) int) (int, error) {
	next, unread := readerRunes(r)
	var s0 *scanner
	n, err := run(next, nlSpace, func(s *scanner) int {
		s0 = s
		return f(s)
	})
	if s0 != nil && s0.hasBack && unread != nil {
		unread()
	}
	return n, err
}

func Sscan(str string, a ...any) (n int, err error) {
	_, err = run(stringRunes(str), true, operands(a, false, &n))
	return n, err
}
func Sscanln(str string, a ...any) (n int, err error) {
	_, err = run(stringRunes(str), false, operands(a, true, &n))
	return n, err
}
func Sscanf(str string, format string, a ...any) (n int, err error) {
	_, err = run(stringRunes(str), false, formatted(format, a, &n))
	return n, err
}
func Fscan(r io.Reader, a ...any) (n int, err error) {
	_, err = fromReader(r, true, operands(a, false, &n))
	return n, err
}
func Fscanln(r io.Reader, a ...any) (n int, err error) {
	_, err = fromReader(r, false, operands(a, true, &n))
	return n, err
}
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	_, err = fromReader(r, false, formatted(format, a, &n))
	return n, err
}

// Scan, Scanln, Scanf: from os.Stdin, which weft leaves empty.
func Scan(a ...any) (n int, err error) {
	_, err = run(stringRunes(""), true, operands(a, false, &n))
	return n, err
}
func Scanln(a ...any) (n int, err error) {
	_, err = run(stringRunes(""), false, operands(a, true, &n))
	return n, err
}
func Scanf(format string, a ...any) (n int, err error) {
	_, err = run(stringRunes(""), false, formatted(format, a, &n))
	return n, err
}
