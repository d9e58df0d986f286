// expect: leak
//
// The result channel is unbuffered: after the timeout nobody receives, so
// the lookup goroutine, still sleeping when main returns, then blocks
// forever on its send (the leak is reported at that send).
// (issue 15: a bug written outside the suite.)
package main

import (
	"fmt"
	"time"
)

func slowLookup(key string) string {
	time.Sleep(200 * time.Millisecond)
	return "value of " + key
}

func lookupWithTimeout(key string, d time.Duration) (string, bool) {
	ch := make(chan string) // BUG: unbuffered; after the timeout the sender blocks forever
	go func() {
		ch <- slowLookup(key)
	}()
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		return "", false
	}
}

func main() {
	_, ok := lookupWithTimeout("user:1", 50*time.Millisecond)
	fmt.Println("found:", ok)
}
