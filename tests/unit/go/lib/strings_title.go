// strings_title: strings.ToTitle and bytes.ToTitle, strings.ToValidUTF8;
// flag's Float64 and Uint64 flags (values, errors, usage), as go run
// prints them.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(strings.ToTitle("hello, wörld ωμεγα"), string(bytes.ToTitle([]byte("abc déf"))))
	for _, s := range []string{"abc", "a\xffb", "a\xff\xfe\xfdb\xc0", "\xed\xa0\x80x", "ok☺\xe2\x98"} {
		fmt.Printf("%q %q\n", strings.ToValidUTF8(s, "?"), strings.ToValidUTF8(s, ""))
	}
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	ratio := fs.Float64("ratio", 0.5, "the `fraction` kept")
	var big uint64
	fs.Uint64Var(&big, "big", 0, "a big number")
	zero := fs.Float64("z", 0, "zero by default")
	err := fs.Parse([]string{"-ratio", "1e-3", "-big=18446744073709551615", "x"})
	fmt.Println(*ratio, big, *zero, err, fs.Args())
	fs.VisitAll(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
	fs.PrintDefaults()
	fmt.Println(fs.Parse([]string{"-ratio", "abc"}))
	fmt.Println(fs.Parse([]string{"-big", "-1"}))
	fmt.Println(fs.Parse([]string{"-big", "18446744073709551616"}))
	fmt.Println(fs.Lookup("ratio").Value.(flag.Getter).Get(), fs.Lookup("big").Value.(flag.Getter).Get())
}
