// Package filepath: file name paths as Go's path/filepath has them on
// Unix (Separator '/'): the lexical functions (Clean, Join, Split, Base,
// Dir, Ext, IsAbs, IsLocal, Rel, Match, SplitList, VolumeName, ToSlash,
// FromSlash). What reads the file system (Walk, WalkDir, Glob, Abs,
// EvalSymlinks) is refused by name: weft runs programs without one.
package filepath

import (
	"errors"
	"path"
	"strings"
)

const __refuse_fs = "Walk WalkDir WalkFunc Glob Abs EvalSymlinks SkipDir SkipAll|weft runs programs without a file system (the lexical functions of path/filepath are there: Join, Clean, Base, Dir, Ext, Rel, Match, ...)"

const (
	Separator     = '/'
	ListSeparator = ':'
)

// ErrBadPattern indicates a pattern was malformed.
var ErrBadPattern = errors.New("syntax error in pattern")

func Clean(p string) string             { return path.Clean(p) }
func Join(elem ...string) string        { return path.Join(elem...) }
func Split(p string) (dir, file string) { return path.Split(p) }
func Base(p string) string              { return path.Base(p) }
func Dir(p string) string               { return path.Dir(p) }
func Ext(p string) string               { return path.Ext(p) }
func IsAbs(p string) bool               { return path.IsAbs(p) }
func ToSlash(p string) string           { return p }
func FromSlash(p string) string         { return p }
func VolumeName(p string) string        { return "" }

// SplitList splits a list of paths joined by ListSeparator.
func SplitList(p string) []string {
	if p == "" {
		return []string{}
	}
	return strings.Split(p, string(ListSeparator))
}

// HasPrefix exists for historical compatibility and should not be used.
func HasPrefix(p, prefix string) bool { return strings.HasPrefix(p, prefix) }

// IsLocal reports whether p is local: within the directory it is
// evaluated in, neither absolute nor escaping by "..", nor empty.
func IsLocal(p string) bool {
	if IsAbs(p) || p == "" {
		return false
	}
	hasDots := false
	for q := p; q != ""; {
		var part string
		part, q, _ = strings.Cut(q, "/")
		if part == "." || part == ".." {
			hasDots = true
			break
		}
	}
	if hasDots {
		p = Clean(p)
	}
	if p == ".." || strings.HasPrefix(p, "../") {
		return false
	}
	return true
}

// Rel returns a relative path that is lexically equivalent to targpath
// when joined to basepath, or an error if there is none.
func Rel(basepath, targpath string) (string, error) {
	base := Clean(basepath)
	targ := Clean(targpath)
	if targ == base {
		return ".", nil
	}
	if base == "." {
		base = ""
	}
	baseSlashed := len(base) > 0 && base[0] == Separator
	targSlashed := len(targ) > 0 && targ[0] == Separator
	if baseSlashed != targSlashed {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	bl := len(base)
	tl := len(targ)
	var b0, bi, t0, ti int
	for {
		for bi < bl && base[bi] != Separator {
			bi++
		}
		for ti < tl && targ[ti] != Separator {
			ti++
		}
		if targ[t0:ti] != base[b0:bi] {
			break
		}
		if bi < bl {
			bi++
		}
		if ti < tl {
			ti++
		}
		b0 = bi
		t0 = ti
	}
	if base[b0:bi] == ".." {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	if b0 != bl {
		seps := strings.Count(base[b0:bl], string(Separator))
		s := ".." + strings.Repeat("/..", seps)
		if t0 != tl {
			s += "/" + targ[t0:]
		}
		return s, nil
	}
	return targ[t0:], nil
}

// Match reports whether name matches the shell pattern, as path.Match
// (the error is filepath's ErrBadPattern).
func Match(pattern, name string) (bool, error) {
	ok, err := path.Match(pattern, name)
	if err != nil {
		err = ErrBadPattern
	}
	return ok, err
}
