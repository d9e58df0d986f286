// expect: deadlock
//
// The Go Programming Language, 8.6 (crawl1/crawl2) from memory: main
// ranges over the worklist, which nobody ever closes, so once every page
// has been crawled main waits forever. The book points out that this
// program never terminates; with no network and no other goroutine left,
// go run says "all goroutines are asleep - deadlock!".
package main

import (
	"fmt"
	"sort"
)

var links = map[string][]string{
	"a.html": {"b.html", "c.html"},
	"b.html": {"c.html", "d.html"},
	"c.html": {"a.html"},
	"d.html": {},
}

var tokens = make(chan struct{}, 2)

func crawl(url string) []string {
	tokens <- struct{}{}
	defer func() { <-tokens }()
	return links[url]
}

type visits struct {
	pages []string
}

func (v *visits) add(p string) {
	v.pages = append(v.pages, p)
	sort.Strings(v.pages)
}

func main() {
	worklist := make(chan []string)
	go func() { worklist <- []string{"a.html"} }()

	seen := make(map[string]bool)
	var v visits
	for list := range worklist { // BUG: worklist is never closed
		for _, link := range list {
			if !seen[link] {
				seen[link] = true
				v.add(link)
				go func(link string) {
					worklist <- crawl(link)
				}(link)
			}
		}
	}
	fmt.Println(v.pages)
}
