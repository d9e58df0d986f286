// expect: ok
//
// A batch daemon in the shape of many command-line services: main starts
// the workers and a supervisor, then blocks forever (select {}); the
// supervisor collects the results, prints the report and ends the
// program with os.Exit(0). Go ends main there: it waited for exactly
// that, nothing leaks.
// (outside round 5: go run -race prints the report, exits 0 and reports
// nothing; weft reported main as a leak, blocked in its select.)
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

type result struct {
	host string
	ok   bool
}

func probe(host string) result {
	return result{host: host, ok: !strings.HasPrefix(host, "down")}
}

func main() {
	hosts := []string{"db1", "down-cache", "api"}
	results := make(chan result)
	var wg sync.WaitGroup
	for _, h := range hosts {
		wg.Add(1)
		go func(h string) {
			defer wg.Done()
			results <- probe(h)
		}(h)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	go func() {
		var up, down []string
		for r := range results {
			if r.ok {
				up = append(up, r.host)
			} else {
				down = append(down, r.host)
			}
		}
		sort.Strings(up)
		fmt.Printf("up=%v down=%v\n", up, down)
		os.Exit(0)
	}()
	select {}
}
