// flag: a FlagSet parsing every spelling go's flag package takes, the
// errors and the usage it prints, and the command line's own flags over
// os.Args (which hold the program alone here).
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	n := fs.Int("n", 5, "how many `workers`")
	name := fs.String("name", "world", "who to greet")
	v := fs.Bool("v", false, "verbose")
	d := fs.Duration("d", time.Second, "a pause")
	var big int64
	fs.Int64Var(&big, "big", 0, "a big number")
	err := fs.Parse([]string{"-n", "3", "--name=gopher", "-v", "-d=1m30s", "-big", "0x10", "rest", "-x"})
	fmt.Println(*n, *name, *v, *d, big, err, fs.Args(), fs.NArg(), fs.NFlag())
	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
	fmt.Println(fs.Lookup("n").DefValue, fs.Set("v", "false"), *v)

	fs2 := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs2.SetOutput(os.Stdout)
	fs2.Int("n", 5, "how many `workers`")
	fs2.String("name", "world", "who to greet")
	fs2.Bool("v", false, "verbose")
	err = fs2.Parse([]string{"-nope"})
	fmt.Println("err:", err)
	err = fs2.Parse([]string{"-n", "x"})
	fmt.Println("err:", err)
	err = fs2.Parse([]string{"--", "-n"})
	fmt.Println(err, fs2.Args())

	count := flag.Int("count", 2, "a count")
	flag.Parse()
	fmt.Println(*count, flag.NArg(), flag.Parsed())
}
