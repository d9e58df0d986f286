package strings

import "iter"

// Go 1.24's iterators over the parts of s, as Split, SplitAfter, Fields
// and FieldsFunc find them (the parts are those functions' own).

// Lines returns an iterator over the newline-terminated lines in s (the
// last one may have no newline).
func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			var line string
			if i := IndexByte(s, '\n'); i >= 0 {
				line, s = s[:i+1], s[i+1:]
			} else {
				line, s = s, ""
			}
			if !yield(line) {
				return
			}
		}
	}
}

// SplitSeq returns an iterator over the substrings of s separated by sep.
func SplitSeq(s, sep string) iter.Seq[string] { return each(Split(s, sep)) }

// SplitAfterSeq returns an iterator over the substrings of s split after
// each instance of sep.
func SplitAfterSeq(s, sep string) iter.Seq[string] { return each(SplitAfter(s, sep)) }

// FieldsSeq returns an iterator over the substrings of s split around runs
// of white space.
func FieldsSeq(s string) iter.Seq[string] { return each(Fields(s)) }

// FieldsFuncSeq returns an iterator over the substrings of s split around
// runs of code points satisfying f.
func FieldsFuncSeq(s string, f func(rune) bool) iter.Seq[string] {
	return each(FieldsFunc(s, f))
}

func each(parts []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, p := range parts {
			if !yield(p) {
				return
			}
		}
	}
}
