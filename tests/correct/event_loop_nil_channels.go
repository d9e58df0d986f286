// expect: ok
//
// An event loop merging two feeds with a per-iteration idle timeout
// (time.After in the loop): when a feed closes, its channel variable is
// set to nil so the select stops choosing it, and the loop ends when
// both are nil. The idle case fires only if neither feed sends for
// 50 ms of virtual time.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"strings"
	"time"
)

type event struct {
	src string
	n   int
}

func feed(src string, n int, gap time.Duration) <-chan event {
	ch := make(chan event)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			time.Sleep(gap)
			ch <- event{src, i}
		}
	}()
	return ch
}

func main() {
	a := feed("a", 1, 10*time.Millisecond)
	b := feed("b", 2, 30*time.Millisecond)
	counts := map[string]int{}
	idle := 0
	for a != nil || b != nil {
		select {
		case e, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			counts[e.src]++
		case e, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			counts[e.src]++
		case <-time.After(50 * time.Millisecond):
			idle++
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "a=%d b=%d idle=%d", counts["a"], counts["b"], idle)
	fmt.Println(sb.String())
}
