// expect: leak
//
// A goroutine waits on a timer's channel; the timer is stopped before it
// fires, and Stop does not close C: the goroutine waits forever. go run
// -race: "stopped before firing", exit 0 (two runs): it leaks.
// (issue 15, outside round: written as engineers write concurrent Go.)
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(50 * time.Millisecond)
	fired := make(chan bool, 1)
	go func() {
		<-t.C // BUG: Stop does not close C: this waits forever
		fired <- true
	}()
	if t.Stop() {
		fmt.Println("stopped before firing")
	}
	select {
	case <-fired:
		fmt.Println("fired")
	default:
	}
}
