// expect: ok
// weft: --max-executions 1000
//
// The Go Programming Language, 8.6 (crawl2) from memory, over an in-memory
// web instead of the network: a counting semaphore of 3 tokens limits the
// concurrent fetches, and main counts the pending sends to the worklist
// (n) so that it knows when to stop, instead of ranging forever. The
// pages found are printed sorted.
package main

import (
	"fmt"
	"sort"
	"strings"
)

var web = map[string][]string{
	"https://go.dev/":          {"https://go.dev/doc/", "https://go.dev/blog/", "https://pkg.go.dev/"},
	"https://go.dev/doc/":      {"https://go.dev/", "https://go.dev/doc/effective_go", "https://go.dev/ref/spec"},
	"https://go.dev/blog/":     {"https://go.dev/blog/pipelines", "https://go.dev/"},
	"https://pkg.go.dev/":      {"https://pkg.go.dev/sync", "https://pkg.go.dev/fmt"},
	"https://pkg.go.dev/sync":  {"https://pkg.go.dev/"},
	"https://go.dev/ref/spec":  {"https://go.dev/doc/"},
	"https://go.dev/blog/pipelines": {"https://go.dev/blog/"},
}

// tokens is a counting semaphore used to enforce a limit of 3 concurrent
// requests.
var tokens = make(chan struct{}, 3)

func extract(url string) ([]string, error) {
	links, ok := web[url]
	if !ok {
		return nil, fmt.Errorf("fetch %s: 404", url)
	}
	return links, nil
}

func crawl(url string) ([]string, error) {
	tokens <- struct{}{} // acquire a token
	list, err := extract(url)
	<-tokens // release the token
	return list, err
}

type pageResult struct {
	url   string
	links []string
	err   error
}

func main() {
	worklist := make(chan []pageResult)
	var n int // number of pending sends to worklist

	n++
	go func() { worklist <- []pageResult{{url: "https://go.dev/"}} }()

	seen := make(map[string]bool)
	var missing []string
	for ; n > 0; n-- {
		list := <-worklist
		for _, p := range list {
			if p.err != nil {
				missing = append(missing, p.url)
				continue
			}
			for _, link := range p.links {
				if seen[link] {
					continue
				}
				seen[link] = true
				n++
				go func(link string) {
					links, err := crawl(link)
					worklist <- []pageResult{{url: link, err: err}, {url: link, links: links}}
				}(link)
			}
			if p.links == nil && p.url == "https://go.dev/" && !seen[p.url] {
				seen[p.url] = true
				n++
				go func(link string) {
					links, err := crawl(link)
					worklist <- []pageResult{{url: link, links: links, err: err}}
				}(p.url)
			}
		}
	}

	var pages []string
	for u := range seen {
		pages = append(pages, u)
	}
	sort.Strings(pages)
	fmt.Println(len(pages), "pages")
	for _, p := range pages {
		fmt.Println(" ", strings.TrimPrefix(p, "https://"))
	}
	sort.Strings(missing)
	fmt.Println("missing:", len(missing))
	for _, m := range missing {
		fmt.Println(" ", m)
	}
}
