// expect: ok outcomes "cat 1\ndog 1\nend 1\nsat 2\nthe 3\n"
//
// Map-reduce word count: mappers send partial maps into a buffered
// channel sized for all of them, main waits, closes and merges.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func mapper(text string, out chan<- map[string]int, wg *sync.WaitGroup) {
	defer wg.Done()
	m := make(map[string]int)
	for _, w := range strings.Fields(strings.ToLower(text)) {
		m[strings.Trim(w, ".,")]++
	}
	out <- m
}

func main() {
	docs := []string{"The cat sat.", "the dog sat, the end"}
	parts := make(chan map[string]int, len(docs))
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go mapper(d, parts, &wg)
	}
	wg.Wait()
	close(parts)
	total := map[string]int{}
	for m := range parts {
		for k, v := range m {
			total[k] += v
		}
	}
	keys := make([]string, 0, len(total))
	for k := range total {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s %d\n", k, total[k])
	}
}
