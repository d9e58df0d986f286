// expect: ok outcomes "search: sav\nsearch: save\n"
//
// A debouncer: each event resets a timer; only the last of a burst fires.
// The timer is stopped and drained before Reset, as the time docs require
// for a timer whose channel is read.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"time"
)

func debounce(in <-chan string, wait time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		t := time.NewTimer(time.Hour)
		if !t.Stop() {
			<-t.C
		}
		var last string
		pending := false
		for {
			select {
			case ev, ok := <-in:
				if !ok {
					if pending {
						out <- last
					}
					return
				}
				if pending && !t.Stop() {
					<-t.C
				}
				t.Reset(wait)
				last, pending = ev, true
			case <-t.C:
				out <- last
				pending = false
			}
		}
	}()
	return out
}

func main() {
	in := make(chan string)
	out := debounce(in, 30*time.Millisecond)
	go func() {
		for _, s := range []string{"s", "sa", "sav"} {
			in <- s
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond)
		in <- "save"
		close(in)
	}()
	for s := range out {
		fmt.Println("search:", s)
	}
}
