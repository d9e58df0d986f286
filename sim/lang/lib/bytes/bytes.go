// Package bytes: byte-slice functions in Go. Searching goes through
// package strings; results that Go returns as subslices of the argument
// (Split, Fields, Trim...) are subslices here too, so they alias it.
package bytes

import (
	"strings"
	"unicode/utf8"
)

// MinRead is the minimum slice size passed to a Read call by
// Buffer.ReadFrom.
const MinRead = 512

func Equal(a, b []byte) bool  { return string(a) == string(b) }
func Compare(a, b []byte) int { return strings.Compare(string(a), string(b)) }
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

func Contains(b, subslice []byte) bool {
	return strings.Contains(string(b), string(subslice))
}
func ContainsAny(b []byte, chars string) bool {
	return strings.ContainsAny(string(b), chars)
}
func ContainsRune(b []byte, r rune) bool {
	return strings.ContainsRune(string(b), r)
}
func ContainsFunc(b []byte, f func(rune) bool) bool {
	return IndexFunc(b, f) >= 0
}
func Count(s, sep []byte) int { return strings.Count(string(s), string(sep)) }
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == string(prefix)
}
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) &&
		string(s[len(s)-len(suffix):]) == string(suffix)
}
func Index(s, sep []byte) int { return strings.Index(string(s), string(sep)) }
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
func IndexRune(s []byte, r rune) int {
	return strings.IndexRune(string(s), r)
}
func IndexAny(s []byte, chars string) int {
	return strings.IndexAny(string(s), chars)
}
func IndexFunc(s []byte, f func(r rune) bool) int {
	return strings.IndexFunc(string(s), f)
}
func LastIndex(s, sep []byte) int {
	return strings.LastIndex(string(s), string(sep))
}
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}
func LastIndexAny(s []byte, chars string) int {
	return strings.LastIndexAny(string(s), chars)
}
func LastIndexFunc(s []byte, f func(r rune) bool) int {
	return strings.LastIndexFunc(string(s), f)
}
func EqualFold(s, t []byte) bool {
	return strings.EqualFold(string(s), string(t))
}

// genSplit splits s at each sep, keeping sepSave bytes of it, n pieces at
// most (n < 0: all).
func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	a := make([][]byte, 0, n)
	i := 0
	for i < n-1 {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a = append(a, s[:m+sepSave:m+sepSave])
		s = s[m+len(sep):]
		i++
	}
	return append(a, s)
}

func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, 0, n)
	for len(s) > 0 && len(a) < n-1 {
		_, size := utf8.DecodeRune(s)
		a = append(a, s[0:size:size])
		s = s[size:]
	}
	if len(s) > 0 {
		a = append(a, s)
	}
	return a
}

func Split(s, sep []byte) [][]byte         { return genSplit(s, sep, 0, -1) }
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }
func SplitAfter(s, sep []byte) [][]byte    { return genSplit(s, sep, len(sep), -1) }
func SplitAfterN(s, sep []byte, n int) [][]byte {
	return genSplit(s, sep, len(sep), n)
}

func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028,
		0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

func Fields(s []byte) [][]byte { return FieldsFunc(s, isSpace) }

func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var a [][]byte
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if f(r) {
			if start >= 0 {
				a = append(a, s[start:i:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		a = append(a, s[start:len(s):len(s)])
	}
	return a
}

func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	var b []byte
	for i, v := range s {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, v...)
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

func Repeat(b []byte, count int) []byte {
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	out := make([]byte, 0, len(b)*count)
	for i := 0; i < count; i++ {
		out = append(out, b...)
	}
	return out
}

func Replace(s, old, new []byte, n int) []byte {
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

func Map(mapping func(r rune) rune, s []byte) []byte {
	return []byte(strings.Map(mapping, string(s)))
}
func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }
func ToTitle(s []byte) []byte { return []byte(strings.ToTitle(string(s))) }
func Title(s []byte) []byte   { return []byte(strings.Title(string(s))) }
func ToValidUTF8(s, replacement []byte) []byte {
	var b []byte
	invalid := false
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && w == 1 {
			if !invalid {
				b = append(b, replacement...)
				invalid = true
			}
		} else {
			b = append(b, s[i:i+w]...)
			invalid = false
		}
		i += w
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

func Runes(s []byte) []rune { return []rune(string(s)) }

func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRune(s[i:])
		if !f(r) {
			break
		}
		i += w
	}
	if i == len(s) {
		return nil
	}
	return s[i:]
}

func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	i := len(s)
	for i > 0 {
		r, w := utf8.DecodeLastRune(s[:i])
		if !f(r) {
			break
		}
		i -= w
	}
	return s[:i]
}

func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func TrimSpace(s []byte) []byte { return TrimFunc(s, isSpace) }

func inSet(cutset string) func(rune) bool {
	return func(r rune) bool { return strings.ContainsRune(cutset, r) }
}

func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return TrimFunc(s, inSet(cutset))
}
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return TrimLeftFunc(s, inSet(cutset))
}
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 || cutset == "" {
		return s
	}
	return TrimRightFunc(s, inSet(cutset))
}
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}
func CutPrefix(s, prefix []byte) (after []byte, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}
func CutSuffix(s, suffix []byte) (before []byte, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}
