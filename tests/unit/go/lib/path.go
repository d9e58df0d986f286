package main

import (
	"fmt"
	"path"
	"path/filepath"
)

func main() {
	for _, p := range []string{"", ".", "..", "/", "//", "a/b/../c", "/../a", "../../a/./b/", "a//b", "/a/b/c/..", "abc/def/ghi/../../jkl", "./", "a/../..", "/.."} {
		fmt.Printf("%q: clean %q base %q dir %q ext %q abs %v\n", p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), path.IsAbs(p))
		d, f := path.Split(p)
		fmt.Printf("  split %q %q; filepath %q %q %q\n", d, f, filepath.Clean(p), filepath.Base(p), filepath.Dir(p))
	}
	fmt.Println(path.Join("a", "b", "c"), path.Join("", ""), path.Join("a", ""), path.Join("", "a"), path.Join("/", "x", "..", "y"), filepath.Join("dir", "file.tar.gz"))
	fmt.Println(path.Ext("x.tar.gz"), path.Ext("a.b/c"), filepath.Ext("noext"))
	for _, m := range [][2]string{{"abc", "abc"}, {"*", "abc"}, {"*c", "abc"}, {"a*", "a"}, {"a*/b", "abc/b"}, {"a*/b", "a/c/b"}, {"a*b*c*d*e*/f", "axbxcxdxe/f"}, {"ab[c]", "abc"}, {"ab[b-d]", "abc"}, {"ab[^c]", "abc"}, {"ab[^b-d]", "abe"}, {"a\\*b", "a*b"}, {"a?b", "a☺b"}, {"a[", "a"}, {"a[^", "x"}, {"[-]", "-"}, {"[x-]", "x"}, {"*x", "xxx"}, {"a[!b]", "ac"}, {"[\\]a]", "]"}, {"*.go", "main.go"}, {"[a-", "a"}, {"\\", "a"}, {"a/*", "a/b/c"}} {
		ok, err := path.Match(m[0], m[1])
		ok2, err2 := filepath.Match(m[0], m[1])
		fmt.Printf("match %q %q: %v %v %v %v\n", m[0], m[1], ok, err, ok2, err2)
	}
	for _, r := range [][2]string{{"/a", "/a/b/c"}, {"/a/b/c", "/a"}, {"a/b", "a/b"}, {"a", "b"}, {"/a", "b"}, {"../a", "a"}, {".", "a/b"}, {"/a/b", "/c/d"}, {"a/b/../c", "a/c/d"}} {
		s, err := filepath.Rel(r[0], r[1])
		fmt.Printf("rel %q %q: %q %v\n", r[0], r[1], s, err)
	}
	fmt.Printf("%q %q %q\n", filepath.SplitList("/a:/b::c"), filepath.SplitList(""), filepath.VolumeName("/x"))
	fmt.Println(filepath.ToSlash("a/b"), filepath.FromSlash("a/b"), string(filepath.Separator), string(filepath.ListSeparator))
	fmt.Println(filepath.IsAbs("/x"), filepath.IsAbs("x"), filepath.ErrBadPattern == path.ErrBadPattern)
}
