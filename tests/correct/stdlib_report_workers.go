// expect: ok
//
// Workers check services and each formats its own report line with
// strings.Builder and fmt verbs; errors are wrapped with %w and
// classified with errors.Is/As. The collector sorts the results with
// sort.Slice and writes a table into a bytes.Buffer. Every builder and
// buffer is owned by one goroutine at a time.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

var ErrTimeout = errors.New("timeout")

type HTTPError struct{ Code int }

func (e HTTPError) Error() string { return fmt.Sprintf("http %d", e.Code) }

type result struct {
	name    string
	latency time.Duration
	err     error
	line    string
}

func check(name string, i int) result {
	lat := time.Duration(i+1) * 15 * time.Millisecond
	var err error
	switch i {
	case 1:
		err = fmt.Errorf("check %q: %w", name, ErrTimeout)
	case 2:
		err = fmt.Errorf("check %q: %w", name, HTTPError{Code: 503})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-6s|%6.1fms|%t", name, float64(lat)/float64(time.Millisecond), err == nil)
	return result{name: name, latency: lat, err: err, line: b.String()}
}

func main() {
	names := []string{"auth", "db", "cache", "queue"}
	results := make([]result, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func(i int, n string) {
			defer wg.Done()
			results[i] = check(n, i)
		}(i, n)
	}
	wg.Wait()

	sort.Slice(results, func(a, b int) bool {
		if results[a].latency != results[b].latency {
			return results[a].latency > results[b].latency
		}
		return results[a].name < results[b].name
	})
	var buf bytes.Buffer
	timeouts, http5xx := 0, 0
	for _, r := range results {
		buf.WriteString(r.line)
		var he HTTPError
		switch {
		case errors.Is(r.err, ErrTimeout):
			timeouts++
			buf.WriteString(" (timeout)")
		case errors.As(r.err, &he) && he.Code >= 500:
			http5xx++
			fmt.Fprintf(&buf, " (%v, %x)", he, he.Code)
		}
		buf.WriteByte('\n')
	}
	fmt.Fprintf(&buf, "%d timeouts, %d 5xx, %q first\n", timeouts, http5xx, results[0].name)
	buf.WriteTo(os.Stdout)
}
