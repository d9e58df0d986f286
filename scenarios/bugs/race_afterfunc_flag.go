// expect: race
//
// A session whose expiry is a time.AfterFunc that marks it expired; the
// request path reads the flag without synchronisation.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"time"
)

type Session struct {
	id      string
	expired bool
}

func main() {
	s := &Session{id: "abc"}
	t := time.AfterFunc(10*time.Millisecond, func() {
		s.expired = true // BUG: written on the timer's goroutine
	})
	defer t.Stop()
	time.Sleep(10 * time.Millisecond)
	if s.expired { // read here without a lock or channel
		fmt.Println("session expired")
	} else {
		fmt.Println("session alive")
	}
}
