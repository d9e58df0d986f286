// expect: race
//
// A function with a named result spawns a goroutine that sets the result
// through the closure after a timeout path may already have returned it:
// the caller reads err while the goroutine writes it.
package main

import (
	"errors"
	"fmt"
	"time"
)

func call() (err error) {
	done := make(chan struct{})
	go func() {
		err = errors.New("backend failed")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Millisecond):
	}
	return err
}

func main() {
	fmt.Println(call() != nil)
	time.Sleep(10 * time.Millisecond)
}
