// strconv_graphic: the Append forms, QuoteToGraphic and QuoteRuneToGraphic,
// QuoteRuneToASCII, IsPrint and IsGraphic, QuotedPrefix, as go run prints
// them.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	b := strconv.AppendBool(nil, true)
	b = strconv.AppendUint(b, 255, 16)
	b = strconv.AppendFloat(b, 3.25, 'f', -1, 64)
	b = strconv.AppendFloat(b, 1e21, 'g', 3, 64)
	b = strconv.AppendQuoteRune(b, '☺')
	b = strconv.AppendQuoteRuneToASCII(b, '☺')
	b = strconv.AppendQuoteToASCII(b, "héllo\n")
	b = strconv.AppendQuoteToGraphic(b, "a\u00a0b\tc")
	b = strconv.AppendQuoteRuneToGraphic(b, '\u2003')
	fmt.Println(string(b))
	fmt.Println(strconv.QuoteRuneToASCII('\n'), strconv.QuoteRuneToASCII('é'), strconv.QuoteRuneToGraphic('\''), strconv.QuoteRuneToGraphic(0xD800))
	fmt.Println(strconv.QuoteToGraphic("\"x\\\x80\u3000\u200b☺"))
	for _, r := range []rune{'a', ' ', '\t', '\u00a0', '\u2000', '\u200b', '\u00ad', 'é', '☺', 0x7f, 0xD800, 0x110000, '\\', '\'', '"', 0xFFFD, 0x10FFFF, 0xE000} {
		fmt.Print(strconv.IsPrint(r), strconv.IsGraphic(r), " ")
	}
	fmt.Println()
	for _, s := range []string{`"abc"def`, "`raw\nx` y", `'a'b`, `"a\"b" c`, `"unterminated`, `"bad\q" x`, "", `x"y"`, `'ab'`} {
		p, err := strconv.QuotedPrefix(s)
		fmt.Printf("%q %v\n", p, err)
	}
}

func init() {
	fmt.Printf("%q %+q\n", "a\u00a0b\ufffd\u200b\u2028\u3000\ufeff\U000e0041\U000f0000é", "\ufffd\u2003")
	fmt.Println(strconv.Quote("\u2000x\u00ad"), strconv.QuoteRune(0xfffd), strconv.QuoteRune('\u202e'))
}

func init() {
	fmt.Println(strconv.FormatComplex(complex(1.5, -2), 'f', -1, 128), strconv.FormatComplex(complex(0.1, 3e20), 'g', -1, 64),
		strconv.FormatComplex(complex(-1, 0), 'e', 3, 128))
}
