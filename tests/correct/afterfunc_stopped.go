// expect: ok outcomes "cancelled before expiry: true fired=false\n"
//
// time.AfterFunc's Stop returning true guarantees the function will not
// run, so reading what it would have written is not a race.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"time"
)

func main() {
	fired := false
	t := time.AfterFunc(time.Hour, func() { fired = true })
	stopped := t.Stop()
	if stopped {
		fmt.Printf("cancelled before expiry: %v fired=%v\n", stopped, fired)
	}
}
