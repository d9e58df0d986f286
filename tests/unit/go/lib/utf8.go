// unicode/utf8: encoding, decoding (invalid bytes as RuneError of width
// 1), counting, validity, the last rune, and FullRune on truncated input.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	for _, r := range []rune{'a', 'é', '世', '😀', -1, 0xD800, 0x110000} {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		fmt.Println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, buf[:n])
	}
	fmt.Println(utf8.AppendRune([]byte("x"), '世'))
	for _, s := range []string{"héllo", "\xff", "a\xe4\xb8", "\xe4\xb8\x96", "\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", ""} {
		r, n := utf8.DecodeRuneInString(s)
		lr, ln := utf8.DecodeLastRuneInString(s)
		fmt.Println(r, n, lr, ln, utf8.RuneCountInString(s), utf8.ValidString(s), utf8.FullRuneInString(s))
		b := []byte(s)
		r, n = utf8.DecodeRune(b)
		lr, ln = utf8.DecodeLastRune(b)
		fmt.Println(r, n, lr, ln, utf8.RuneCount(b), utf8.Valid(b), utf8.FullRune(b))
	}
	fmt.Println(utf8.RuneStart(0x80), utf8.RuneStart('a'), utf8.RuneError, utf8.UTFMax, utf8.RuneSelf, utf8.MaxRune)
}
