// expect: ok outcomes "/ /a /b /c\n"
//
// A crawler over an in-memory link graph: each page is fetched in its own
// goroutine, a buffered channel bounds how many fetches run at once, and
// the visited set is guarded by a mutex. The semaphore slot is released
// before following links, so recursion never holds a slot while waiting.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

var links = map[string][]string{
	"/":      {"/a", "/b"},
	"/a":     {"/b", "/c"},
	"/b":     {"/"},
	"/c":     {},
}

type Crawler struct {
	sem     chan struct{}
	mu      sync.Mutex
	visited map[string]bool
	wg      sync.WaitGroup
}

func (c *Crawler) visit(url string) {
	defer c.wg.Done()
	c.sem <- struct{}{}
	out := links[url]
	<-c.sem
	for _, next := range out {
		c.mu.Lock()
		seen := c.visited[next]
		c.visited[next] = true
		c.mu.Unlock()
		if !seen {
			c.wg.Add(1)
			go c.visit(next)
		}
	}
}

func main() {
	c := &Crawler{sem: make(chan struct{}, 2), visited: map[string]bool{"/": true}}
	c.wg.Add(1)
	go c.visit("/")
	c.wg.Wait()
	var pages []string
	for p := range c.visited {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	fmt.Println(strings.Join(pages, " "))
}
