package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

func main() {
	fmt.Println(strconv.CanBackquote("a`b"), strconv.CanBackquote("ab\tc"), strconv.CanBackquote("é\xff"), strconv.CanBackquote("\ufeff"), strconv.CanBackquote("\uFFFD"))
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	s := "alice@example.com, bob@test.com; carol@site.org"
	fmt.Println(re.MatchString(s), re.FindString(s), re.FindStringIndex(s))
	fmt.Printf("%q\n", re.FindStringSubmatch(s))
	fmt.Printf("%q\n", re.FindAllString(s, -1))
	fmt.Printf("%q\n", re.FindAllStringSubmatch(s, 1))
	fmt.Println(re.FindAllStringSubmatchIndex(s, -1))
	fmt.Println(re.ReplaceAllString(s, "$2:$1 ${1}x $1x $$ $9"))
	fmt.Println(re.ReplaceAllStringFunc(s, strings.ToUpper), re.NumSubexp(), re.String())
	named := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d\d))?`)
	fmt.Printf("%q %d %d\n", named.SubexpNames(), named.SubexpIndex("month"), named.SubexpIndex("nope"))
	fmt.Printf("%q\n", named.FindAllStringSubmatch("2024-01-15 and 1999-12", -1))
	fmt.Println(named.ReplaceAllString("2024-01-15", "${day}/${month}/${year}"))
	for _, c := range []struct{ re, s string }{
		{`a*`, "baaab"}, {`a*?`, "aaa"}, {`(a|ab)(c|bcd)(d*)`, "abcd"}, {`(?i)héllo`, "HÉLLO world"},
		{`^\s*(\d+)\s*$`, "  42  "}, {`(?m)^x$`, "a\nx\nb"}, {`^x$`, "a\nx\nb"}, {`(?s)a.b`, "a\nb"}, {`a.b`, "a\nb"},
		{`\bfoo\b`, "a foo bar foobar"}, {`\Bo\B`, "foo bob"}, {`[^aeiou\s]+`, "hello world"}, {`[[:alpha:]]+`, "123abc456"},
		{`\pL+`, "123äbc456"}, {`\p{Greek}+`, "abc αβγ"}, {`\PL+`, "ab12cd"}, {`x{2,3}`, "xxxxxxx"}, {`x{2,}?`, "xxxx"},
		{`(a+)+b`, "aaab"}, {`(|a)+`, "aaa"}, {`(a*)*`, "b"}, {`(a*)+`, "b"}, {`(a|b)*c`, "abababc"}, {`[a-c-e]+`, "a-e-f"},
		{`\x41\x{263a}\101`, "A☺A"}, {`\Qa.b\E+`, "a.bbb"}, {`[\d\-z]+`, "1-2z3x"}, {`.`, "\xff"}, {`(?U)a+`, "aaa"}, {`(?i:A)a`, "aA aa Aa"},
		{`$`, "abc"}, {`^`, "abc"}, {`\A\z`, ""}, {`[^\n]+`, "ab\ncd"}, {`(?i)[k]`, "\u212a"}, {`\S+`, " a b "}, {`\W`, "ab!c"},
	} {
		re, err := regexp.Compile(c.re)
		if err != nil {
			fmt.Println(c.re, err)
			continue
		}
		fmt.Printf("%s %q: %q %v %q\n", c.re, c.s, re.FindAllString(c.s, -1), re.FindStringSubmatchIndex(c.s), re.Split(c.s, -1))
	}
	for _, bad := range []string{`*`, `a**`, `a*+`, `(`, `)`, `a)`, `[a`, `[z-a]`, `\1`, `a{1001}`, `a{2,1}`, `(?=x)`, `(?P<>x)`, `(?P<n>a)(?P<n>b)`, `x\`, `[[:foo:]]`, `\pX`, `(?z)`, `\8`, `a{2}{3}`, `(?i`, `[]a]`, `a{,5}`, `{`, `x{1,2`, `\x{110000}`, "\xff"} {
		_, err := regexp.Compile(bad)
		fmt.Printf("%q: %v\n", bad, err)
	}
	fmt.Println(regexp.QuoteMeta(`1+1=2? [x] {y} ^$ \ |.*`))
	ok, err := regexp.MatchString(`^\d+$`, "12345")
	fmt.Println(ok, err)
	ok, err = regexp.MatchString(`(`, "x")
	fmt.Println(ok, err)
	fmt.Printf("%q\n", regexp.MustCompile(`,\s*`).Split("a, b,c,   d", 2))
	fmt.Printf("%q\n", regexp.MustCompile(``).Split("abc", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`x*`).ReplaceAllString("abc", "-"))
	fmt.Printf("%q\n", regexp.MustCompile(`a|`).ReplaceAllString("baaac", "<$0>"))
	fmt.Printf("%q\n", regexp.MustCompile(`b+`).ReplaceAllLiteralString("abbbc", "$1"))
	fmt.Printf("%q %q\n", regexp.MustCompile(`o`).FindAll([]byte("foo"), 1), regexp.MustCompile(`(o)(x)?`).FindSubmatch([]byte("foo")))
	fmt.Printf("%s\n", regexp.MustCompile(`(\w)(\w)`).ReplaceAll([]byte("abcd"), []byte("$2$1")))
	fmt.Println(regexp.MustCompile(`(\w+)`).Match([]byte("!!")), regexp.MustCompile(`a(b)`).FindSubmatchIndex([]byte("xab")))
	defer func() { fmt.Println("recovered:", recover()) }()
	regexp.MustCompile("a(b")
}
