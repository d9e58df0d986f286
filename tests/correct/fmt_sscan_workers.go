// expect: ok outcomes "4 1 \"ann\" 9.5 true err=<nil>\n4 2 \"bob\" 7.25 false err=<nil>\n0 0 \"\" 0 false err=expected integer\n2 4 \"dee\" 0 false err=unexpected EOF\n1 5 \"\" 0 false err=input does not match format\n2 <nil> 3 4\n1 EOF true false\n0 true\n2 expected newline 8 9\n1 unexpected newline\n4 <nil> 31 -5 1000 word\n0 unsigned integer overflow on token 256 0\n2 <nil> 255 50\n1 too many operands\n2 too few operands for format '%d'\n1 input does not match format\n0 syntax error scanning boolean\n"
//
// Workers parse "key=value" records and command lines with fmt.Sscanf,
// fmt.Sscan and fmt.Sscanln (as students parse input after reading The Go
// Programming Language), each into its own slot; main prints the parsed
// values and every error with Go's wording. The output is what go run
// -race prints. (Before fmt's scanning functions existed in weft's
// library the program was refused: undefined: fmt.Sscanf.)
package main

import (
	"fmt"
	"io"
	"sync"
)

type record struct {
	id    int
	name  string
	score float64
	ok    bool
	err   error
	n     int
}

func parse(line string) record {
	var r record
	r.n, r.err = fmt.Sscanf(line, "id=%d name=%s score=%f ok=%t", &r.id, &r.name, &r.score, &r.ok)
	return r
}

func main() {
	lines := []string{
		"id=1 name=ann score=9.5 ok=true",
		"id=2 name=bob score=7.25 ok=false",
		"id=x name=cy score=1 ok=true",
		"id=4 name=dee",
		"id=5 nom=eve score=3 ok=1",
	}
	recs := make([]record, len(lines))
	var wg sync.WaitGroup
	for i, l := range lines {
		wg.Add(1)
		go func(i int, l string) {
			defer wg.Done()
			recs[i] = parse(l)
		}(i, l)
	}
	wg.Wait()
	for _, r := range recs {
		fmt.Printf("%d %d %q %g %v err=%v\n", r.n, r.id, r.name, r.score, r.ok, r.err)
	}

	var a, b int
	var u uint8
	var f float64
	var s string
	n, err := fmt.Sscan("3 4\n5", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscan("7", &a, &b)
	fmt.Println(n, err, err == io.EOF, err == io.ErrUnexpectedEOF)
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err == io.EOF)
	n, err = fmt.Sscanln("8 9 10", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("8\n9", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("0x1F -0b101 1e3 word", &a, &b, &f, &s)
	fmt.Println(n, err, a, b, f, s)
	n, err = fmt.Sscan("256", &u)
	fmt.Println(n, err, u)
	n, err = fmt.Sscanf("ff 50%", "%x %d%%", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("1 2", "%d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1 2", "%d %d %d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1-2", "%d+%d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("tru", new(bool))
	fmt.Println(n, err)
}
