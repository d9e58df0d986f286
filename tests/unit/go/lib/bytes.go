// bytes: Buffer (writes, reads, unread, ReadString, Next, Truncate,
// WriteTo, ReadFrom), Reader, and the functions on byte slices, with
// Split and Fields giving subslices that alias their argument.
package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello")
	b.WriteByte(' ')
	b.Write([]byte("world"))
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	c, _ := b.ReadByte()
	fmt.Println(string(c), b.UnreadByte(), b.UnreadByte())
	word, err := b.ReadString(' ')
	fmt.Printf("%q %v\n", word, err)
	fmt.Printf("%q\n", b.Next(3))
	r, n, _ := b.ReadRune()
	fmt.Println(string(r), n)
	b.Truncate(1)
	fmt.Printf("%q\n", b.String())
	rest, err := b.ReadString('x')
	fmt.Printf("%q %v\n", rest, err)
	_, err = b.ReadByte()
	fmt.Println(err)

	var nilb *bytes.Buffer
	fmt.Println(nilb.String())

	buf := bytes.NewBufferString("to stdout\n")
	buf.WriteTo(os.Stdout)
	var in bytes.Buffer
	in.ReadFrom(strings.NewReader("read from"))
	fmt.Println(in.String())

	rd := bytes.NewReader([]byte("reader"))
	p := make([]byte, 3)
	rd.Read(p)
	fmt.Println(string(p), rd.Len(), rd.Size())

	s := []byte("a,b,,c")
	parts := bytes.Split(s, []byte(","))
	fmt.Printf("%q %d\n", parts, len(parts))
	parts[0][0] = 'A'
	fmt.Println(string(s))
	fmt.Printf("%q\n", bytes.Fields([]byte("  x  y z ")))
	fmt.Printf("%q\n", bytes.SplitN([]byte("1-2-3-4"), []byte("-"), 2))
	fmt.Printf("%q\n", bytes.SplitAfter([]byte("1-2-3"), []byte("-")))
	fmt.Printf("%q\n", bytes.TrimSpace([]byte("  pad  ")))
	fmt.Printf("%q\n", bytes.Trim([]byte("xxhixx"), "x"))
	fmt.Printf("%q\n", bytes.TrimLeft([]byte("xxhixx"), "x"))
	fmt.Printf("%q\n", bytes.TrimRight([]byte("xxhixx"), "x"))
	fmt.Printf("%q\n", bytes.TrimPrefix([]byte("prefix-body"), []byte("prefix-")))
	fmt.Printf("%q\n", bytes.TrimFunc([]byte("123abc456"), unicode.IsDigit))
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Compare([]byte("a"), []byte("b")))
	fmt.Println(bytes.Contains([]byte("seafood"), []byte("foo")), bytes.Index([]byte("chicken"), []byte("ken")))
	fmt.Println(bytes.IndexByte([]byte("golang"), 'l'), bytes.LastIndex([]byte("go gopher"), []byte("go")))
	fmt.Println(bytes.HasPrefix([]byte("Gopher"), []byte("Go")), bytes.HasSuffix([]byte("Amigo"), []byte("go")))
	fmt.Println(bytes.Count([]byte("cheese"), []byte("e")), bytes.Count([]byte("five"), nil))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("a"), []byte("b")}, []byte(", ")))
	fmt.Printf("%s\n", bytes.Repeat([]byte("na"), 3))
	fmt.Printf("%s\n", bytes.ReplaceAll([]byte("oink oink"), []byte("k"), []byte("ky")))
	fmt.Printf("%s %s\n", bytes.ToUpper([]byte("up")), bytes.ToLower([]byte("DOWN")))
	fmt.Println(bytes.EqualFold([]byte("Go"), []byte("GO")))
	before, after, found := bytes.Cut([]byte("key=value"), []byte("="))
	fmt.Printf("%s %s %v\n", before, after, found)
	fmt.Println(bytes.ContainsRune([]byte("abc"), 'b'), bytes.IndexRune([]byte("chicken"), 'k'))
	fmt.Printf("%q\n", bytes.Runes([]byte("hé")))
	fmt.Printf("%q\n", bytes.Map(func(r rune) rune { return r + 1 }, []byte("abc")))
	fmt.Println(bytes.MinRead)
}
