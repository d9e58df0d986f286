// expect: panic race
//
// The caller closes the result channel when it stops waiting (timeout);
// the worker, finishing later, sends on the closed channel.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
// go run -race also reports the close and the failing send as a race
// (chansend reads the channel before it looks at closed), and so does
// weft.
package main

import (
	"errors"
	"fmt"
	"time"
)

func query(timeout time.Duration) (string, error) {
	ch := make(chan string, 1)
	defer close(ch) // BUG: the receiver closes; the sender may still send
	go func() {
		time.Sleep(20 * time.Millisecond)
		ch <- "rows"
	}()
	select {
	case r := <-ch:
		return r, nil
	case <-time.After(timeout):
		return "", errors.New("timeout")
	}
}

func main() {
	_, err := query(5 * time.Millisecond)
	fmt.Println(err)
	time.Sleep(50 * time.Millisecond)
}
