package json

import "strconv"

// A SyntaxError is a description of a JSON syntax error.
type SyntaxError struct {
	msg    string
	Offset int64 // error occurred after reading Offset bytes
	eof    bool  // the input ended early (a stream reads on)
}

func (e *SyntaxError) Error() string { return e.msg }

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool { return checkValid(data) == nil }

// checkValid: nil, or the *SyntaxError Go's scanner reports for data
// (the same message and offset).
func checkValid(data []byte) error {
	s := &scan{data: data}
	i, err := s.value(s.ws(0))
	if err != nil {
		return err
	}
	i = s.ws(i)
	if i < len(data) {
		return s.bad(i, "after top-level value")
	}
	return nil
}

type scan struct{ data []byte }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func (s *scan) ws(i int) int {
	for i < len(s.data) && isSpace(s.data[i]) {
		i++
	}
	return i
}

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// bad: the error at data[i] in context; at the end of the data, the
// end-of-input error.
func (s *scan) bad(i int, context string) error {
	if i >= len(s.data) {
		return &SyntaxError{"unexpected end of JSON input", int64(len(s.data)), true}
	}
	return &SyntaxError{"invalid character " + quoteChar(s.data[i]) + " " + context, int64(i + 1), false}
}

// badSpace: as bad, but at the end of the data Go's scanner reads a
// space to end a literal or number, so the error is about that space.
func (s *scan) badSpace(i int, context string) error {
	if i >= len(s.data) {
		return &SyntaxError{"invalid character ' ' " + context, int64(len(s.data)), true}
	}
	return s.bad(i, context)
}

// value: the end of the value starting at i (i at its first byte).
func (s *scan) value(i int) (int, error) {
	if i >= len(s.data) {
		return i, s.bad(i, "")
	}
	switch c := s.data[i]; {
	case c == '{':
		i = s.ws(i + 1)
		if i < len(s.data) && s.data[i] == '}' {
			return i + 1, nil
		}
		for {
			if i >= len(s.data) || s.data[i] != '"' {
				return i, s.bad(i, "looking for beginning of object key string")
			}
			var err error
			if i, err = s.str(i); err != nil {
				return i, err
			}
			i = s.ws(i)
			if i >= len(s.data) || s.data[i] != ':' {
				return i, s.bad(i, "after object key")
			}
			if i, err = s.value(s.ws(i + 1)); err != nil {
				return i, err
			}
			i = s.ws(i)
			if i < len(s.data) && s.data[i] == ',' {
				i = s.ws(i + 1)
				continue
			}
			if i < len(s.data) && s.data[i] == '}' {
				return i + 1, nil
			}
			return i, s.bad(i, "after object key:value pair")
		}
	case c == '[':
		i = s.ws(i + 1)
		if i < len(s.data) && s.data[i] == ']' {
			return i + 1, nil
		}
		for {
			var err error
			if i, err = s.value(i); err != nil {
				return i, err
			}
			i = s.ws(i)
			if i < len(s.data) && s.data[i] == ',' {
				i = s.ws(i + 1)
				continue
			}
			if i < len(s.data) && s.data[i] == ']' {
				return i + 1, nil
			}
			return i, s.bad(i, "after array element")
		}
	case c == '"':
		return s.str(i)
	case c == '-' || '0' <= c && c <= '9':
		return s.num(i)
	case c == 't':
		return s.lit(i, "true")
	case c == 'f':
		return s.lit(i, "false")
	case c == 'n':
		return s.lit(i, "null")
	}
	return i, s.bad(i, "looking for beginning of value")
}

func (s *scan) lit(i int, w string) (int, error) {
	for k := 1; k < len(w); k++ {
		if i+k >= len(s.data) || s.data[i+k] != w[k] {
			return i + k, s.badSpace(i+k, "in literal "+w+" (expecting "+quoteChar(w[k])+")")
		}
	}
	return i + len(w), nil
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func (s *scan) str(i int) (int, error) {
	for i++; i < len(s.data); i++ {
		switch c := s.data[i]; {
		case c == '"':
			return i + 1, nil
		case c < 0x20:
			return i, s.bad(i, "in string literal")
		case c == '\\':
			i++
			if i >= len(s.data) {
				return i, s.bad(i, "")
			}
			switch s.data[i] {
			case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
			case 'u':
				for k := 0; k < 4; k++ {
					i++
					if i >= len(s.data) || !isHex(s.data[i]) {
						return i, s.bad(i, "in \\u hexadecimal character escape")
					}
				}
			default:
				return i, s.bad(i, "in string escape code")
			}
		}
	}
	return i, s.bad(i, "")
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (s *scan) num(i int) (int, error) {
	n := len(s.data)
	if s.data[i] == '-' {
		i++
		if i >= n || !isDigit(s.data[i]) {
			return i, s.badSpace(i, "in numeric literal")
		}
	}
	if s.data[i] == '0' {
		i++
	} else {
		for i < n && isDigit(s.data[i]) {
			i++
		}
	}
	if i < n && s.data[i] == '.' {
		i++
		if i >= n || !isDigit(s.data[i]) {
			return i, s.badSpace(i, "after decimal point in numeric literal")
		}
		for i < n && isDigit(s.data[i]) {
			i++
		}
	}
	if i < n && (s.data[i] == 'e' || s.data[i] == 'E') {
		i++
		if i < n && (s.data[i] == '+' || s.data[i] == '-') {
			i++
		}
		if i >= n || !isDigit(s.data[i]) {
			return i, s.badSpace(i, "in exponent of numeric literal")
		}
		for i < n && isDigit(s.data[i]) {
			i++
		}
	}
	return i, nil
}
