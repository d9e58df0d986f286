// scan: fmt's Sscan, Sscanln, Sscanf, Fscan (over a RuneScanner and a
// plain reader), Fscanln, Fscanf and Scan (empty stdin): values,
// prefixes, widths, errors, as go run prints them (stdin empty).
package main

import (
	"io"
	"fmt"
	"strings"
)

// byteReader has no ReadRune: Fscan reads it a byte at a time.
type byteReader struct {
	s string
	i int
}

func (r *byteReader) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	p[0] = r.s[r.i]
	r.i++
	return 1, nil
}

var b0 bool

func main() {
	br := &byteReader{s: "12 héé 7\n8"}
	var a, c int
	var w string
	n0, err0 := fmt.Fscan(br, &a, &w)
	fmt.Println(n0, err0, a, w, br.i)
	n0, err0 = fmt.Fscanln(br, &c)
	fmt.Println(n0, err0, c, br.i)
	n0, err0 = fmt.Scan(&a)
	fmt.Println(n0, err0)
	n0, err0 = fmt.Scanln(&a)
	fmt.Println(n0, err0)
	n0, err0 = fmt.Scanf("%d", &a)
	fmt.Println(n0, err0)
	n0, err0 = fmt.Sscanf("1 2", "%d %d %d", &a, &c)
	fmt.Println(n0, err0)
	n0, err0 = fmt.Sscanf("1 2", "%d", &a, &c)
	fmt.Println(n0, err0)
	n0, err0 = fmt.Sscanf("12345", "%3d%d", &a, &c)
	fmt.Println(n0, err0, a, c)
	n0, err0 = fmt.Sscan("tru", &b0)
	fmt.Println(n0, err0)
	n0, err0 = fmt.Sscan("F 0 T", &b0, &b0, &b0)
	fmt.Println(n0, err0, b0)
	n0, err0 = fmt.Sscanf("ab", "a%", &a)
	fmt.Println(n0, err0)

	var i, j int
	var s string
	var f float64
	var b bool
	var u uint8
	var i64 int64
	n, err := fmt.Sscan("12 abc\n 3.5 true", &i, &s, &f, &b)
	fmt.Println(n, err, i, s, f, b)
	n, err = fmt.Sscan("", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("5", &i, &j)
	fmt.Println(n, err, i)
	n, err = fmt.Sscan("x", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("300", &u)
	fmt.Println(n, err, u)
	n, err = fmt.Sscan("-0x1F +7 0b101 0o17", &i, &j, &i64, &u)
	fmt.Println(n, err, i, j, i64, u)
	n, err = fmt.Sscanln("1 2\n3", &i, &j)
	fmt.Println(n, err, i, j)
	n, err = fmt.Sscanln("1\n2", &i, &j)
	fmt.Println(n, err, i)
	n, err = fmt.Sscanln("1 2 3", &i, &j)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("x=10, y=abc", "x=%d, y=%s", &i, &s)
	fmt.Println(n, err, i, s)
	n, err = fmt.Sscanf("10-20", "%d-%d", &i, &j)
	fmt.Println(n, err, i, j)
	n, err = fmt.Sscanf("10 20", "%d-%d", &i, &j)
	fmt.Println(n, err, i)
	n, err = fmt.Sscanf("ff 17 3.25e2", "%x %o %g", &i, &j, &f)
	fmt.Println(n, err, i, j, f)
	n, err = fmt.Sscanf("7", "%d %d", &i, &j)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("hello world", "%5s%s", &s, &s)
	fmt.Println(n, err, s)
	n, err = fmt.Sscanf("abc", "%d", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1.5 true", "%v %t", &f, &b)
	fmt.Println(n, err, f, b)
	var r rune
	n, err = fmt.Sscanf("héllo", "%c%c", &r, &r)
	fmt.Println(n, err, string(r))
	var bs []byte
	n, err = fmt.Sscan("bytes!", &bs)
	fmt.Println(n, err, string(bs))
	n, err = fmt.Sscan("1", i)
	fmt.Println(n, err)
	n, err = fmt.Fscan(strings.NewReader("4 5"), &i, &j)
	fmt.Println(n, err, i, j)
	n, err = fmt.Fscanln(strings.NewReader("6 7\n8"), &i, &j)
	fmt.Println(n, err, i, j)
	n, err = fmt.Fscanf(strings.NewReader("9:10"), "%d:%d", &i, &j)
	fmt.Println(n, err, i, j)
	var x, y int
	rd := strings.NewReader("1 2\n3 4\n")
	for {
		n, err := fmt.Fscanln(rd, &x, &y)
		if err != nil {
			fmt.Println(n, err)
			break
		}
		fmt.Println(x + y)
	}
	n, err = fmt.Sscan("99999999999999999999", &i64)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("%5", "%%%d", &i)
	fmt.Println(n, err, i)
	var f32 float32
	n, err = fmt.Sscan("1e40 -2.5", &f32, &f)
	fmt.Println(n, err, f32, f)
	n, err = fmt.Sscan("  \n\n 8", &i)
	fmt.Println(n, err, i)
	n, err = fmt.Sscanf("a b", "%s%s", &s, &s)
	fmt.Println(n, err, s)
	n, err = fmt.Sscanf("3\n4", "%d %d", &i, &j)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("3\n4", "%d\n%d", &i, &j)
	fmt.Println(n, err, i, j)
	n, err = fmt.Sscan("1_000 2", &i, &j)
	fmt.Println(n, err, i, j)
}
