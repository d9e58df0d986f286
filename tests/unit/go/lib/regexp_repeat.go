package main

import (
	"fmt"
	"regexp"
)

func main() {
	pats := []string{`(a|b|)+?c`, `(a*?)(a*)`, `(a|b)*(b)`, `((a)|(b))*`, `(a{2}|b)*`, `(a?){3}`, `(a?){2,}`, `(a?)+?`, `(?U)(a+)(a*)`, `(x|xy)(z|yz)?`, `a*(|b)c`, `(a*b*)*c`, `([ab]*?)(b)?`, `(?i)(A|b)+`, `\b\w+\b`, `(\w+)\s(\w+)`, `[[:upper:]][[:lower:]]*`, `(?:a|(b))*`, `(a|ab)(c|bcd)?(d*)`, `.*?x`, `(?s).+`, `[^\x00-\x7f]+`}
	strs := []string{"", "abc", "aab", "ababb", "aaaa", "xyz", "xyyz", "cc", "aBAb", "Hello World foo", "bbbc", "é x ü", "a\nb"}
	for _, p := range pats {
		re := regexp.MustCompile(p)
		for _, s := range strs {
			fmt.Println(p, s, re.FindAllStringSubmatchIndex(s, -1), re.ReplaceAllString(s, "<$1>"))
		}
	}
}
