// io: a Pipe between goroutines (each Write waits for the reads that take
// it; Close gives the reader EOF), Copy, ReadAll, ReadFull, MultiWriter,
// MultiReader, TeeReader, LimitReader, SectionReader, Discard.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

func main() {
	r, w := io.Pipe()
	go func() {
		fmt.Fprint(w, "hello ")
		fmt.Fprint(w, "pipe")
		w.Close()
	}()
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", b, err)

	r2, w2 := io.Pipe()
	go func() {
		w2.CloseWithError(errors.New("producer failed"))
	}()
	_, err = io.ReadAll(r2)
	fmt.Println("read after CloseWithError:", err)
	r2.Close()
	_, err = w2.Write([]byte("x"))
	fmt.Println("write after close:", err)

	var sb strings.Builder
	n, err := io.Copy(&sb, strings.NewReader("copy me"))
	fmt.Println(n, err, sb.String())

	buf := make([]byte, 4)
	n2, err := io.ReadFull(strings.NewReader("ab"), buf)
	fmt.Println(n2, err, err == io.ErrUnexpectedEOF)
	n2, err = io.ReadFull(strings.NewReader(""), buf)
	fmt.Println(n2, err == io.EOF)

	var a, c strings.Builder
	mw := io.MultiWriter(&a, upper{&c}, os.Stdout)
	fmt.Fprintln(mw, "multi")
	fmt.Printf("%q %q\n", a.String(), c.String())

	mr := io.MultiReader(strings.NewReader("one "), strings.NewReader(""), strings.NewReader("two"))
	all, _ := io.ReadAll(mr)
	fmt.Println(string(all))

	var tee strings.Builder
	tr := io.TeeReader(strings.NewReader("teed"), &tee)
	io.ReadAll(tr)
	fmt.Println(tee.String())

	lr := io.LimitReader(strings.NewReader("limited reader"), 7)
	lb, _ := io.ReadAll(lr)
	fmt.Println(string(lb))

	sr := io.NewSectionReader(strings.NewReader("0123456789"), 2, 5)
	sbuf := make([]byte, 10)
	k, err := sr.Read(sbuf)
	fmt.Println(k, err, string(sbuf[:k]), sr.Size())

	n3, err := io.CopyN(io.Discard, strings.NewReader("abc"), 5)
	fmt.Println(n3, err)
	n4, _ := io.WriteString(&sb, "!")
	fmt.Println(n4, sb.String())
	rc := io.NopCloser(strings.NewReader("x"))
	fmt.Println(rc.Close())
}
