// strings: the common functions, with Go's results on the edge cases
// (empty separators, n limits, non-ASCII text), and a Builder.
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "a,b,,c"
	fmt.Printf("%q %q %q\n", strings.Split(s, ","), strings.SplitN(s, ",", 2), strings.Split("héllo", ""))
	fmt.Printf("%q %q %q\n", strings.SplitAfter(s, ","), strings.Split("", ","), strings.SplitN(s, ",", 0))
	fmt.Printf("%q %q\n", strings.Fields("  a b\t\nc  "), strings.Fields("   "))
	fmt.Println(strings.Contains("seafood", "foo"), strings.Contains("", ""), strings.ContainsAny("hi", "xyz"), strings.ContainsRune("héllo", 'é'))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.HasPrefix("go", "golang"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"), strings.LastIndex("go gopher", "go"), strings.IndexByte("abc", 'c'), strings.IndexRune("héllo", 'l'), strings.IndexAny("golang", "ny"))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Join(nil, ","), strings.Repeat("ab", 3), strings.Repeat("x", 0) == "")
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink oink", "oink", "moo", -1), strings.ReplaceAll("abc", "", "-"), strings.Replace("héllo", "", "|", 3))
	fmt.Println(strings.ToUpper("hello, wörld ß"), strings.ToLower("HÉLLO ΣΑΣ Привет"), strings.Title("hello go-pher snake_case"))
	fmt.Printf("%q %q %q %q\n", strings.TrimSpace(" \t hi there \n"), strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	fmt.Printf("%q %q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"), strings.TrimFunc("123abc456", func(r rune) bool { return r >= '0' && r <= '9' }))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	rest, ok := strings.CutPrefix("v1.2", "v")
	fmt.Println(rest, ok, strings.EqualFold("Go", "GO"), strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("éa", "ÉA"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("ababab", "aba"), strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r + 1
	}, "banana"))
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("ignition")
	b.WriteByte('!')
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	b.Reset()
	fmt.Printf("%q\n", b.String())
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "a", "A")
	fmt.Println(r.Replace("<a href>"))
}
