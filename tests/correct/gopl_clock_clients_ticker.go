// expect: ok
// weft: --max-executions 10
//
// The Go Programming Language, 8.2 (clock2) from memory, without the
// network: each "connection" is handled by its own goroutine that writes
// the time to the client once per tick, until the client hangs up (its
// hangup channel closes) or has received enough lines. Every handler stops
// its ticker; main waits for all of them.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type conn struct {
	name   string
	hangup chan struct{}
	lines  []string
}

func (c *conn) write(s string) { c.lines = append(c.lines, s) }

func handleConn(c *conn, max int, wg *sync.WaitGroup) {
	defer wg.Done()
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop()
	start := time.Now()
	for i := 0; i < max; i++ {
		select {
		case <-c.hangup:
			c.write("bye")
			return
		case now := <-ticker.C:
			c.write(fmt.Sprintf("tick %d late=%v", i, now.Before(start)))
		}
	}
	c.write("max reached")
}

func main() {
	var wg sync.WaitGroup
	conns := []*conn{
		{name: "nc-1", hangup: make(chan struct{})},
		{name: "nc-2", hangup: make(chan struct{})},
		{name: "nc-3", hangup: make(chan struct{})},
	}
	for i, c := range conns {
		wg.Add(1)
		go handleConn(c, 3+i, &wg)
	}
	// nc-3 hangs up at once; the others run to their maximum.
	close(conns[2].hangup)
	wg.Wait()

	sort.Slice(conns, func(i, j int) bool { return conns[i].name < conns[j].name })
	for _, c := range conns {
		last := c.lines[len(c.lines)-1]
		fmt.Printf("%s: %d lines, last %q\n", c.name, len(c.lines), last)
		if c.name != "nc-3" {
			fmt.Println("  ", strings.Join(c.lines[:len(c.lines)-1], "; "))
		}
	}
}
