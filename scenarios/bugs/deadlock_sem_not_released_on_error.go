// expect: deadlock
//
// A semaphore (a buffered channel of tokens, as golang.org/x/sync's
// semaphore is used) whose holder returns early on an error without
// releasing its token: with two tokens and two failures, the third
// acquire waits forever.
package main

import (
	"errors"
	"fmt"
)

type sem chan struct{}

func (s sem) acquire() { s <- struct{}{} }
func (s sem) release() { <-s }

func process(s sem, item int) error {
	s.acquire()
	if item%2 == 1 {
		return errors.New("bad item") // the token is never given back
	}
	s.release()
	return nil
}

func main() {
	s := make(sem, 2)
	failed := 0
	for _, it := range []int{1, 3, 4} {
		if err := process(s, it); err != nil {
			failed++
		}
	}
	fmt.Println(failed)
}
