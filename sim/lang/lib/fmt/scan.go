// scan.go: Sscan, Sscanln and Sscanf, scanning a string into pointers to
// basic types (bool, the integers, the floats, string, []byte) with Go's
// verbs, spaces and errors; numbers go through the same checks as
// Go's (strconv's rounding for floats: the __strtod intrinsic).
package fmt

import (
	"errors"
	"io"
)

type scanError struct{ err error }

type ss struct {
	s         string
	i         int
	nlIsSpace bool // Sscan: a newline is a space
	nlIsEnd   bool // Sscanln: a newline ends the input
}

const eof = -1

func (s *ss) errorString(msg string) { panic(scanError{errors.New(msg)}) }
func (s *ss) error(err error)        { panic(scanError{err}) }

func (s *ss) getRune() int {
	if s.i >= len(s.s) {
		return eof
	}
	c := s.s[s.i]
	s.i++
	return int(c)
}

func (s *ss) peekc() int {
	if s.i >= len(s.s) {
		return eof
	}
	return int(s.s[s.i])
}

func isSpaceByte(c int) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func (s *ss) notEOF() {
	if s.peekc() == eof {
		panic(io.EOF)
	}
}

func (s *ss) skipSpace() {
	for {
		c := s.peekc()
		if c == eof {
			return
		}
		if c == '\n' {
			if s.nlIsSpace {
				s.i++
				continue
			}
			s.errorString("unexpected newline")
		}
		if !isSpaceByte(c) {
			return
		}
		s.i++
	}
}

// token: the next run of bytes that are not spaces.
func (s *ss) token() string {
	start := s.i
	for c := s.peekc(); c != eof && c != '\n' && !isSpaceByte(c); c = s.peekc() {
		s.i++
	}
	return s.s[start:s.i]
}

func (s *ss) accept(set string) bool {
	c := s.peekc()
	if c == eof {
		return false
	}
	for j := 0; j < len(set); j++ {
		if int(set[j]) == c {
			s.i++
			return true
		}
	}
	return false
}

func digitVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return 99
}

// scanInteger: an optional sign, then digits of the verb's base (%v: a
// 0b, 0o, 0x prefix chooses it), as Go's scanInt.
func (s *ss) scanInteger(verb rune, unsigned bool) (neg bool, mag uint64, tok string) {
	var from int
	s.skipSpace()
	s.notEOF()
	base, digits := 10, "0123456789_"
	switch verb {
	case 'b':
		base, digits = 2, "01_"
	case 'o':
		base, digits = 8, "01234567_"
	case 'x', 'X':
		base, digits = 16, "0123456789aAbBcCdDeEfF_"
	case 'd', 'v':
	default:
		s.errorString("bad verb '%" + string(verb) + "' for integer")
	}
	from = s.i
	if !unsigned && s.accept("+-") {
		neg = s.s[s.i-1] == '-'
	} else if unsigned {
		s.accept("+")
	}
	if verb == 'v' && s.peekc() == '0' && s.i+1 < len(s.s) {
		switch s.s[s.i+1] {
		case 'b', 'B':
			base, digits = 2, "01_"
			s.i += 2
		case 'o', 'O':
			base, digits = 8, "01234567_"
			s.i += 2
		case 'x', 'X':
			base, digits = 16, "0123456789aAbBcCdDeEfF_"
			s.i += 2
		}
	}
	start := s.i
	for s.accept(digits) {
	}
	if s.i == start {
		s.errorString("expected integer")
	}
	for _, c := range []byte(s.s[start:s.i]) {
		if c == '_' {
			continue
		}
		d := uint64(digitVal(c))
		if mag > (^uint64(0)-d)/uint64(base) {
			s.errorString("integer overflow on token " + s.s[start:s.i])
		}
		mag = mag*uint64(base) + d
	}
	return neg, mag, s.s[from:s.i]
}

func (s *ss) scanSigned(verb rune, bits int) int64 {
	if verb == 'c' {
		s.notEOF()
		return int64(s.getRune())
	}
	neg, mag, tok := s.scanInteger(verb, false)
	limit := uint64(1) << uint(bits-1)
	if (!neg && mag >= limit) || (neg && mag > limit) {
		s.errorString("integer overflow on token " + tok)
	}
	if neg {
		return -int64(mag)
	}
	return int64(mag)
}

func (s *ss) scanUnsigned(verb rune, bits int) uint64 {
	if verb == 'c' {
		s.notEOF()
		return uint64(s.getRune())
	}
	_, mag, tok := s.scanInteger(verb, true)
	if bits < 64 && mag >= uint64(1)<<uint(bits) {
		s.errorString("unsigned integer overflow on token " + tok)
	}
	return mag
}

func (s *ss) scanFloat(bits int) float64 {
	s.skipSpace()
	s.notEOF()
	start := s.i
	s.accept("+-")
	for s.accept("0123456789_") {
	}
	if s.accept(".") {
		for s.accept("0123456789_") {
		}
	}
	if s.i > start && s.accept("eEpP") {
		s.accept("+-")
		for s.accept("0123456789") {
		}
	}
	tok := s.s[start:s.i]
	if tok == "" || tok == "+" || tok == "-" || tok == "." {
		s.i = start
		s.errorString("strconv.ParseFloat: parsing " + quoteForError(s.token()) + ": invalid syntax")
	}
	clean := make([]byte, 0, len(tok))
	for _, c := range []byte(tok) {
		if c != '_' {
			clean = append(clean, c)
		}
	}
	var v float64 = __strtod(string(clean), bits)
	return v
}

func quoteForError(t string) string { return Sprintf("%q", t) }

func (s *ss) scanBool(verb rune) bool {
	s.skipSpace()
	s.notEOF()
	if verb != 't' && verb != 'v' {
		s.errorString("bad verb '%" + string(verb) + "' for boolean")
	}
	switch s.getRune() {
	case '0':
		return false
	case '1':
		return true
	case 't', 'T':
		if s.accept("rR") && (!s.accept("uU") || !s.accept("eE")) {
			s.errorString("syntax error scanning boolean")
		}
		return true
	case 'f', 'F':
		if s.accept("aA") && (!s.accept("lL") || !s.accept("sS") || !s.accept("eE")) {
			s.errorString("syntax error scanning boolean")
		}
		return false
	}
	return false
}

func (s *ss) scanString(verb rune) string {
	if verb != 's' && verb != 'v' {
		s.errorString("bad verb '%" + string(verb) + "' for string")
	}
	s.skipSpace()
	s.notEOF()
	return s.token()
}

// scanOne stores the next value into arg, a pointer to a basic type.
func (s *ss) scanOne(verb rune, arg any) {
	switch v := arg.(type) {
	case *bool:
		*v = s.scanBool(verb)
	case *int:
		*v = int(s.scanSigned(verb, 64))
	case *int8:
		*v = int8(s.scanSigned(verb, 8))
	case *int16:
		*v = int16(s.scanSigned(verb, 16))
	case *int32:
		*v = int32(s.scanSigned(verb, 32))
	case *int64:
		*v = s.scanSigned(verb, 64)
	case *uint:
		*v = uint(s.scanUnsigned(verb, 64))
	case *uint8:
		*v = uint8(s.scanUnsigned(verb, 8))
	case *uint16:
		*v = uint16(s.scanUnsigned(verb, 16))
	case *uint32:
		*v = uint32(s.scanUnsigned(verb, 32))
	case *uint64:
		*v = s.scanUnsigned(verb, 64)
	case *float32:
		*v = float32(s.scanFloat(32))
	case *float64:
		*v = s.scanFloat(64)
	case *string:
		*v = s.scanString(verb)
	case *[]byte:
		*v = []byte(s.scanString(verb))
	default:
		s.errorString("can't scan type: " + Sprintf("%T", arg))
	}
}

func errorHandler(errp *error) {
	if e := recover(); e != nil {
		if se, ok := e.(scanError); ok {
			*errp = se.err
		} else if eof, ok := e.(error); ok && eof == io.EOF {
			*errp = eof
		} else {
			panic(e)
		}
	}
}

func (s *ss) doScan(a []any) (n int, err error) {
	defer errorHandler(&err)
	for _, arg := range a {
		s.scanOne('v', arg)
		n++
	}
	if s.nlIsEnd {
		for {
			c := s.getRune()
			if c == '\n' || c == eof {
				break
			}
			if !isSpaceByte(c) {
				s.errorString("expected newline")
			}
		}
	}
	return
}

// Sscan scans space-separated values (newlines count as space) from str.
func Sscan(str string, a ...any) (n int, err error) {
	s := &ss{s: str, nlIsSpace: true}
	return s.doScan(a)
}

// Sscanln is Sscan that stops at a newline, after which there must be
// nothing but the end of the input or a newline.
func Sscanln(str string, a ...any) (n int, err error) {
	s := &ss{s: str, nlIsEnd: true}
	return s.doScan(a)
}

// advance matches the format's text up to its next verb against the
// input, as Go's: a newline in the format matches spaces then a newline
// or the end of the input, other spaces at least one space (or the end),
// %% a percent, other bytes themselves (the end of the input there is an
// unexpected EOF). It returns the bytes of the format consumed, or -1
// when the input does not match.
func (s *ss) advance(format string) (i int) {
	for i < len(format) {
		c := int(format[i])
		if c == '\n' || isSpaceByte(c) {
			newlines := 0
			trailingSpace := false
			for i < len(format) && (format[i] == '\n' || isSpaceByte(int(format[i]))) {
				if format[i] == '\n' {
					newlines++
					trailingSpace = false
				} else {
					trailingSpace = true
				}
				i++
			}
			for j := 0; j < newlines; j++ {
				in := s.getRune()
				for isSpaceByte(in) {
					in = s.getRune()
				}
				if in != '\n' && in != eof {
					s.errorString("newline in format does not match input")
				}
			}
			if trailingSpace {
				in := s.getRune()
				if newlines == 0 {
					if !isSpaceByte(in) && in != '\n' && in != eof {
						s.errorString("expected space in input to match format")
					}
					if in == '\n' {
						s.errorString("newline in input does not match format")
					}
				}
				for isSpaceByte(in) {
					in = s.getRune()
				}
				if in != eof {
					s.i--
				}
			}
			continue
		}
		if c == '%' {
			if i+1 == len(format) {
				s.errorString("missing verb: % at end of format string")
			}
			if format[i+1] != '%' {
				return
			}
			i++
		}
		in := s.getRune()
		if in == eof {
			s.error(io.ErrUnexpectedEOF)
		}
		if in != c {
			s.i--
			return -1
		}
		i++
	}
	return
}

func (s *ss) skipSpaceNoNL() {
	for isSpaceByte(s.peekc()) {
		s.i++
	}
}

// Sscanf scans str as format directs (verbs without widths).
func Sscanf(str string, format string, a ...any) (n int, err error) {
	s := &ss{s: str}
	defer errorHandler(&err)
	for i := 0; i < len(format); {
		w := s.advance(format[i:])
		if w > 0 {
			i += w
			continue
		}
		if format[i] != '%' {
			if w < 0 {
				s.errorString("input does not match format")
			}
			break // at the end of the input: too many operands, below
		}
		i++ // the '%'
		verb := rune(format[i])
		i++
		if verb != 'c' {
			s.skipSpace()
		}
		if verb == '%' {
			s.skipSpace()
			s.notEOF()
			if !s.accept("%") {
				s.errorString("missing literal %")
			}
			continue
		}
		if n >= len(a) {
			s.errorString("too few operands for format '%" + format[i-1:] + "'")
		}
		s.scanOne(verb, a[n])
		n++
	}
	if n < len(a) {
		s.errorString("too many operands")
	}
	return
}
