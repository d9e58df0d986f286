// expect: ok outcomes "fast <nil>\n\"\" timeout\n"
//
// A query with a timeout: select on the result and time.After. The result
// channel is buffered, so the slow query, still sleeping when main
// returns, sends and exits: no goroutine is left blocked.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrTimeout = errors.New("timeout")

func query(delay time.Duration, v string) <-chan string {
	ch := make(chan string, 1) // buffered: the sender never blocks if we give up
	go func() {
		time.Sleep(delay)
		ch <- v
	}()
	return ch
}

func withTimeout(ch <-chan string, d time.Duration) (string, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return "", ErrTimeout
	}
}

func main() {
	v, err := withTimeout(query(10*time.Millisecond, "fast"), 100*time.Millisecond)
	fmt.Println(v, err)
	v, err = withTimeout(query(300*time.Millisecond, "slow"), 50*time.Millisecond)
	fmt.Printf("%q %v\n", v, err)
}
