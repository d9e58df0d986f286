// expect: ok
//
// A package-level metrics registry whose aggregator goroutine is started
// in init, as some libraries do. Every access goes through the
// aggregator's channels; Flush asks it for a snapshot with a reply
// channel, so the init goroutine and main never share memory. Inc's
// channel is unbuffered: once Inc returns, the aggregator holds the
// increment, so a Flush after the callers are joined sees them all.
// Close stops the aggregator before main returns.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type incr struct {
	name string
	by   int
}

var (
	incrs   = make(chan incr)
	flushes = make(chan chan map[string]int)
	quit    = make(chan struct{})
	stopped = make(chan struct{})
)

func init() {
	go func() {
		defer close(stopped)
		m := map[string]int{}
		for {
			select {
			case <-quit:
				return
			case i := <-incrs:
				m[i.name] += i.by
			case reply := <-flushes:
				snap := make(map[string]int, len(m))
				for k, v := range m {
					snap[k] = v
				}
				reply <- snap
			}
		}
	}()
}

func Inc(name string) { incrs <- incr{name, 1} }

func Flush() map[string]int {
	r := make(chan map[string]int)
	flushes <- r
	return <-r
}

func Close() {
	close(quit)
	<-stopped
}

func main() {
	defer Close()
	var wg sync.WaitGroup
	for _, n := range []string{"get", "put", "get"} {
		wg.Add(1)
		go func(n string) { defer wg.Done(); Inc(n) }(n)
	}
	wg.Wait()
	snap := Flush()
	keys := make([]string, 0, len(snap))
	for k, v := range snap {
		keys = append(keys, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(keys)
	fmt.Println(strings.Join(keys, " "))
}
