// log_output: log.Output and Logger.Output write one line with the
// logger's prefix and flags (no date: the flags leave it out), as go run
// prints them.
package main

import (
	"log"
	"os"
	"strings"
)

func main() {
	var b strings.Builder
	l := log.New(&b, "[svc] ", log.Lmsgprefix|log.Lshortfile)
	l.Output(1, "started")
	l.Output(1, "two lines\n")
	os.Stdout.WriteString(b.String())
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("std: ")
	log.Output(1, "hello")
}
