// expect: leak
//
// Parse every record concurrently and return on the first error: the
// results channel is unbuffered and the caller stops receiving at the
// first failure, so the goroutines that finish after it stay blocked in
// their sends after the test has returned.
// (outside round 3: a bug written as engineers write it; go test -race
// passes it (no goleak); goleak would fail it on the senders left blocked
// after the first error.)
package records

import (
	"fmt"
	"strconv"
	"testing"
)

type parsed struct {
	n   int
	err error
}

func parseAll(recs []string) ([]int, error) {
	out := make(chan parsed)
	for _, r := range recs {
		go func(r string) {
			n, err := strconv.Atoi(r)
			out <- parsed{n, err}
		}(r)
	}
	var ns []int
	for range recs {
		p := <-out
		if p.err != nil {
			return nil, fmt.Errorf("parse: %w", p.err)
		}
		ns = append(ns, p.n)
	}
	return ns, nil
}

func TestParseAllRejectsGarbage(t *testing.T) {
	if _, err := parseAll([]string{"x", "2", "3"}); err == nil {
		t.Fatal("want an error")
	}
}
