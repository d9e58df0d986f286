package json

import "bytes"

// HTMLEscape appends to dst the JSON-encoded src with <, >, &, U+2028
// and U+2029 characters inside string literals changed to \u003c,
// \u003e, \u0026, \u2028, \u2029.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	start := 0
	for i, c := range src {
		if c == '<' || c == '>' || c == '&' {
			dst.Write(src[start:i])
			dst.WriteString(`\u00`)
			dst.WriteByte(hexDigits[c>>4])
			dst.WriteByte(hexDigits[c&0xF])
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst.Write(src[start:i])
			dst.WriteString(`\u202`)
			dst.WriteByte(hexDigits[src[i+2]&0xF])
			start = i + 3
		}
	}
	dst.Write(src[start:])
}

// Compact appends to dst the JSON-encoded src with insignificant space
// characters elided.
func Compact(dst *bytes.Buffer, src []byte) error {
	return compact(dst, src, false)
}

func compact(dst *bytes.Buffer, src []byte, escape bool) error {
	if err := checkValid(src); err != nil {
		return err
	}
	inStr := false
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if escape && (c == '<' || c == '>' || c == '&') {
			dst.Write(src[start:i])
			dst.WriteString(`\u00`)
			dst.WriteByte(hexDigits[c>>4])
			dst.WriteByte(hexDigits[c&0xF])
			start = i + 1
		}
		if escape && c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst.Write(src[start:i])
			dst.WriteString(`\u202`)
			dst.WriteByte(hexDigits[src[i+2]&0xF])
			start = i + 3
		}
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && isSpace(c):
			dst.Write(src[start:i])
			start = i + 1
		}
	}
	if start < len(src) {
		dst.Write(src[start:])
	}
	return nil
}

func newline(dst *bytes.Buffer, prefix, indent string, depth int) {
	dst.WriteByte('\n')
	dst.WriteString(prefix)
	for i := 0; i < depth; i++ {
		dst.WriteString(indent)
	}
}

// Indent appends to dst an indented form of the JSON-encoded src, as
// Go's: leading space dropped, trailing space kept, empty objects and
// arrays as {} and [].
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	if err := checkValid(src); err != nil {
		return err
	}
	s := &scan{data: src}
	vstart := s.ws(0)
	vend, _ := s.value(vstart)
	needIndent := false
	depth := 0
	for i := vstart; i < vend; i++ {
		c := src[i]
		if isSpace(c) {
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			j, _ := s.str(i)
			dst.Write(src[i:j])
			i = j - 1
		case '{', '[':
			needIndent = true
			dst.WriteByte(c)
		case ',':
			dst.WriteByte(c)
			newline(dst, prefix, indent, depth)
		case ':':
			dst.WriteByte(c)
			dst.WriteByte(' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline(dst, prefix, indent, depth)
			}
			dst.WriteByte(c)
		default:
			dst.WriteByte(c)
		}
	}
	dst.Write(src[vend:])
	return nil
}
