package main

import (
	"fmt"
	"regexp"
)

func main() {
	pats := []string{`(a|ab)*c`, `(a*)(b*)`, `(a?)*`, `(a??)(a*)`, `((a)|b)+`, `(a|b)*?b`, `x*y*`, `(a+|b+)*`, `(?:(a)|(b))+`, `(a{0,2}){2}`, `(ab|a)(bc|c)?`, `a(?:b|c|d){2,3}?e?`, `(\d+)\.(\d*)`, `[^b]*b?`, `(.*)(\d+)`, `(.*?)(\d+)`, `()*`, `(a|)b`, `^(a*|b)$`, `(?m)(^a|b$)`}
	strs := []string{"", "a", "ab", "abc", "aabbc", "abababc", "ba", "12.345 6.", "aaa", "bab\nab", "xyz"}
	for _, p := range pats {
		re := regexp.MustCompile(p)
		for _, s := range strs {
			fmt.Println(p, s, re.FindAllStringSubmatchIndex(s, -1))
		}
	}
}
