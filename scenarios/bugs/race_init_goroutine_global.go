// expect: race
//
// init starts a goroutine that loads the default settings into a package
// variable; main reads the variable without waiting for the loader.
// (outside round 4: a bug written as engineers write it; go run -race
// reports the race on defaults.)
package main

import (
	"fmt"
	"time"
)

type Settings struct {
	Workers int
	Timeout time.Duration
}

var defaults *Settings

func init() {
	go func() {
		s := &Settings{Workers: 4, Timeout: time.Second}
		defaults = s
	}()
}

func main() {
	s := defaults
	if s == nil {
		s = &Settings{Workers: 1}
	}
	fmt.Println("workers:", s.Workers)
}
