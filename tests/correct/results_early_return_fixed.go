// expect: ok outcomes "1 true\nfalse\n"
// weft: --max-executions 2000
//
// Looking for the first match among workers, returning early: the results
// channel is buffered for every worker and the context tells the rest to
// stop, so nothing is left blocked.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

func find(ctx context.Context, docs []string, word string) (int, bool) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make(chan int, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		wg.Add(1)
		go func(i int, d string) {
			defer wg.Done()
			for _, w := range strings.Fields(d) {
				if ctx.Err() != nil {
					return
				}
				if w == word {
					results <- i
					return
				}
			}
		}(i, d)
	}
	go func() { wg.Wait(); close(results) }()
	i, ok := <-results
	return i, ok
}

func main() {
	docs := []string{"the quick fox", "lazy dog", "a fox again"}
	i, ok := find(context.Background(), docs, "dog")
	fmt.Println(i, ok)
	_, ok = find(context.Background(), docs, "cat")
	fmt.Println(ok)
}
