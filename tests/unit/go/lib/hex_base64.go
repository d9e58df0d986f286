package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
)

func main() {
	// hex
	fmt.Println(hex.EncodeToString([]byte("Hello, Gopher!\x00\xff")))
	for _, s := range []string{"48656c6c6f", "48656C6C6F", "4865z", "486", "", "zz"} {
		b, err := hex.DecodeString(s)
		fmt.Printf("%q %q %v\n", s, b, err)
	}
	fmt.Print(hex.Dump([]byte("The quick brown fox jumps over the lazy dog.\x01\x02")))
	var buf bytes.Buffer
	w := hex.NewEncoder(&buf)
	w.Write([]byte{1, 2, 250})
	fmt.Println(buf.String(), hex.EncodedLen(5), hex.DecodedLen(7))
	r := hex.NewDecoder(strings.NewReader("414243"))
	all, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", all, err)
	var e error = hex.InvalidByteError('g')
	fmt.Println(e)

	// base64
	data := []byte("any + old & data\xfb\xff")
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		s := enc.EncodeToString(data)
		d, err := enc.DecodeString(s)
		fmt.Println(s, enc.EncodedLen(len(data)), enc.DecodedLen(len(s)), string(d) == string(data), err)
	}
	for n := 0; n < 6; n++ {
		fmt.Printf("%q ", base64.StdEncoding.EncodeToString([]byte("abcdef"[:n])))
	}
	fmt.Println()
	for _, s := range []string{"YWJj", "YWI=", "YQ==", "YQ=", "YQ", "Y", "YW\nJj", "YWJj\r\n", "YQ==YQ==", "Y!Jj", "YQ=a", "=", "YWJ"} {
		d, err := base64.StdEncoding.DecodeString(s)
		fmt.Printf("%q %q %v\n", s, d, err)
		d, err = base64.RawStdEncoding.DecodeString(s)
		fmt.Printf("  raw %q %v\n", d, err)
	}
	d, err := base64.StdEncoding.Strict().DecodeString("YR==")
	fmt.Printf("strict %q %v\n", d, err)
	d, err = base64.StdEncoding.DecodeString("YR==")
	fmt.Printf("lax %q %v\n", d, err)
	custom := base64.StdEncoding.WithPadding('*')
	fmt.Println(custom.EncodeToString([]byte("a")))
	buf.Reset()
	bw := base64.NewEncoder(base64.StdEncoding, &buf)
	bw.Write([]byte("hello"))
	bw.Write([]byte(", world"))
	bw.Close()
	fmt.Println(buf.String())
	br := base64.NewDecoder(base64.StdEncoding, strings.NewReader(buf.String()))
	all, err = io.ReadAll(br)
	fmt.Printf("%q %v\n", all, err)

	// utf16
	runes := []rune("a€𝄞\U0010FFFF\uFFFD")
	runes = append(runes, 0xD800, 0x110000, -1)
	u := utf16.Encode(runes)
	fmt.Println(u)
	fmt.Println(string(utf16.Decode(u)), utf16.Decode([]uint16{0xD834, 0x41, 0xDD1E}))
	r1, r2 := utf16.EncodeRune('𝄞')
	fmt.Printf("%x %x %c %x\n", r1, r2, utf16.DecodeRune(r1, r2), utf16.DecodeRune('a', 'b'))
	fmt.Println(utf16.IsSurrogate(0xD800), utf16.IsSurrogate(0xE000))
	r1, r2 = utf16.EncodeRune('a')
	fmt.Printf("%x %x\n", r1, r2)
}
