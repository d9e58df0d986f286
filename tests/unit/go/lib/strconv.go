// strconv: integer parsing and formatting with Go's NumError messages,
// booleans, quoting and unquoting, floats through fmt.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-42), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2), strconv.FormatUint(1<<64-1, 36))
	n, err := strconv.Atoi("123")
	fmt.Println(n, err)
	for _, s := range []string{"12a", "", "99999999999999999999", "-9223372036854775808", "+7"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	_, err = strconv.Atoi("x")
	var ne *strconv.NumError
	fmt.Println(errors.Is(err, strconv.ErrSyntax), errors.As(err, &ne), ne.Func, ne.Num)
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"0x1F", 0, 64}, {"0b101", 0, 8}, {"0o17", 0, 0}, {"017", 0, 0}, {"1_000", 0, 0}, {"1_000", 10, 0}, {"128", 10, 8}, {"-129", 10, 8}, {"-128", 10, 8}, {"zz", 36, 0}, {"7", 1, 0}} {
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(c.s, v, err)
	}
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	for _, s := range []string{"true", "T", "0", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
	fmt.Println(strconv.FormatBool(true), strconv.Quote("hi \"there\"\n\té"), strconv.QuoteRune('☺'), strconv.QuoteToASCII("é"))
	for _, s := range []string{`"a\tb\u00e9\x41"`, "`raw\\n`", `'x'`, `"bad`, `'ab'`, `"\q"`} {
		v, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", v, err)
	}
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1.5, 'g', -1, 64), strconv.FormatFloat(0.000001, 'e', 3, 64))
	fmt.Println(string(strconv.AppendInt([]byte("n="), -5, 10)), strconv.IntSize)
}
