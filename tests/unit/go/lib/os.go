// os: Args (the program alone), an environment of its own (empty at the
// start), Stdout and Stderr as io.Writers, Stdin empty, the errors of
// files, Signal values, and Exit ending the program with no deferred call
// run (a nonzero status is weft's finding).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed, os.Exit runs no defers")
	fmt.Println(len(os.Args))
	fmt.Printf("%q\n", os.Getenv("WEFT_NO_SUCH_VARIABLE"))
	os.Setenv("GREETING", "hello")
	v, ok := os.LookupEnv("GREETING")
	fmt.Println(v, ok, os.ExpandEnv("$GREETING, ${GREETING}!"))
	os.Unsetenv("GREETING")
	_, ok = os.LookupEnv("GREETING")
	fmt.Println(ok, os.Setenv("", "x"))
	var w io.Writer = os.Stdout
	fmt.Fprintln(w, "through io.Writer")
	os.Stdout.WriteString("WriteString\n")
	fmt.Fprintln(os.Stderr, "to stderr")
	b, err := io.ReadAll(os.Stdin)
	fmt.Println(len(b), err)
	n, err := os.Stdin.Read(make([]byte, 1))
	fmt.Println(n, err == io.EOF)
	err = &os.PathError{Op: "open", Path: "/x", Err: os.ErrNotExist}
	fmt.Println(err, os.IsNotExist(err), errors.Is(err, os.ErrNotExist), os.IsExist(err))
	fmt.Println(os.Interrupt, os.Kill, os.Stdout.Name(), os.Stderr.Fd())
	os.Exit(3)
}
