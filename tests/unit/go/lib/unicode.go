// unicode: categories across scripts, case mapping (with the Kelvin
// sign, ß and the alternating ranges), SimpleFold's orbits, the range
// tables and In.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range []rune{'a', 'Z', '5', ' ', '\t', '\u00a0', '\u0085', 'é', 'ß', 'Σ', 'σ', 'ς', 'ǅ', 'Ж', '世', 'あ', '٣', '½', '!', '€', '\u0301', '\x7f', '\u200b', '\u2028', '😀', 0x10400, 0x1F600} {
		fmt.Printf("%U %t%t%t%t%t%t%t%t%t%t%t%t%t %c %c %c\n", r,
			unicode.IsLetter(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsTitle(r),
			unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsSpace(r), unicode.IsPunct(r),
			unicode.IsSymbol(r), unicode.IsMark(r), unicode.IsControl(r), unicode.IsGraphic(r),
			unicode.IsPrint(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	for _, r := range []rune{'k', 'K', 'K', 's', 'ſ', 'ß', 'ẞ', 'Σ', 'a', '1'} {
		orbit := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			orbit = append(orbit, f)
		}
		fmt.Printf("%q\n", orbit)
	}
	fmt.Println(unicode.Is(unicode.Han, '世'), unicode.Is(unicode.Latin, 'é'), unicode.Is(unicode.Greek, 'a'))
	fmt.Println(unicode.In('ж', unicode.Latin, unicode.Cyrillic), unicode.IsOneOf([]*unicode.RangeTable{unicode.Hiragana}, 'あ'))
	fmt.Println(unicode.To(unicode.UpperCase, 'ǆ'), unicode.To(unicode.TitleCase, 'ǆ'), unicode.To(unicode.LowerCase, 'ǅ'))
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1, unicode.Version)
	n := 0
	for r := rune(0); r < 0x3000; r++ {
		if unicode.IsLetter(r) {
			n++
		}
	}
	fmt.Println("letters below U+3000:", n)
}
