// linedir: runtime.Caller, Callers and Stack read positions through line
// directives as gc's tables do: "//line file:line" at a line's start
// and "/*line file:line*/" anywhere apply from just after them; a
// column with no file keeps the file before, no file and no column is
// "??". A panicking index or store is at its '['.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func here() string {
	_, f, l, _ := runtime.Caller(1)
	return fmt.Sprint(f[strings.LastIndex(f, "/")+1:], ":", l)
}

func where(f func()) (s string) {
	defer func() {
		recover()
		pcs := make([]uintptr, 20)
		n := runtime.Callers(1, pcs)
		frs := runtime.CallersFrames(pcs[:n])
		for {
			fr, more := frs.Next()
			if strings.HasPrefix(fr.Function, "main.main.func") {
				s = fmt.Sprint(fr.File, ":", fr.Line)
			}
			if !more || s != "" {
				break
			}
		}
	}()
	f()
	return ""
}

var i = 5

func main() {
	fmt.Println(here())
//line foo.go:100
	fmt.Println(here())
	fmt.Println(here())
//line :200
	fmt.Println(here())
/*line bar.go:300:1*/ fmt.Println(here())
	fmt.Println(here()); /*line :400:9*/ fmt.Println(here())
	// not a directive: not at the line's start
	fmt.Println(here()) //line baz.go:500
	fmt.Println(here())
	var a [3]int
	fmt.Println(where(func() { _ = a /*line x.go:7:1*/ [ /*line y.go:8:1*/ i] }))
	fmt.Println(where(func() { a /*line z.go:9:1*/ [ /*line y.go:8:1*/ i] = 1 }))
	var p *struct{ x int }
	fmt.Println(where(func() {
		p. /*line w.go:10:1*/ x = 1
	}))
	buf := make([]byte, 1000)
	st := string(buf[:runtime.Stack(buf, false)])
	lines := strings.Split(st, "\n")
	for k, l := range lines {
		if strings.HasPrefix(l, "main.main(") {
			f := strings.TrimSpace(lines[k+1])
			fmt.Println(f[strings.LastIndex(f, "/")+1 : strings.Index(f, " +")])
		}
	}
}
