// bufio: Scanner by lines, words, runes and with a small buffer; Reader
// (ReadString, ReadLine, Peek, ReadRune and UnreadRune, Buffered);
// Writer buffering until Flush.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	s := bufio.NewScanner(strings.NewReader("first line\nsecond\r\n\nlast"))
	for s.Scan() {
		fmt.Printf("%q\n", s.Text())
	}
	fmt.Println("err:", s.Err())

	w := bufio.NewScanner(strings.NewReader("  split  into\twords\n now "))
	w.Split(bufio.ScanWords)
	n := 0
	for w.Scan() {
		n++
		fmt.Print(w.Text(), "|")
	}
	fmt.Println(n)

	rs := bufio.NewScanner(strings.NewReader("héllo"))
	rs.Split(bufio.ScanRunes)
	for rs.Scan() {
		fmt.Print(rs.Text(), " ")
	}
	fmt.Println()

	long := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\n"))
	long.Buffer(make([]byte, 10), 20)
	for long.Scan() {
	}
	fmt.Println("long:", long.Err())

	r := bufio.NewReader(strings.NewReader("alpha\nbeta\ngamma"))
	line, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	p, _ := r.Peek(3)
	fmt.Printf("peek %q buffered %d\n", p, r.Buffered())
	l, prefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", l, prefix, err)
	ru, size, _ := r.ReadRune()
	fmt.Println(string(ru), size, r.UnreadRune())
	rest, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", rest, err)
	_, err = r.ReadByte()
	fmt.Println(err)

	bw := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Fprint(bw, "buffered ")
	fmt.Println("(printed first)")
	fmt.Println(bw.Buffered(), bw.Available())
	bw.WriteString("then flushed\n")
	bw.WriteByte('!')
	bw.WriteRune('é')
	bw.Flush()
	fmt.Println()
}
