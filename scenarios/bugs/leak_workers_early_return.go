// expect: leak
//
// Workers send results on an unbuffered channel; the collector returns on
// the first error, leaving the remaining workers blocked on their sends.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type result struct {
	n   int
	err error
}

func parseAll(inputs []string) ([]int, error) {
	results := make(chan result) // BUG: unbuffered and abandoned on error
	for _, s := range inputs {
		go func(s string) {
			n, err := strconv.Atoi(s)
			results <- result{n, err}
		}(s)
	}
	var out []int
	for range inputs {
		r := <-results
		if r.err != nil {
			return nil, fmt.Errorf("parseAll: %w", r.err)
		}
		out = append(out, r.n)
	}
	return out, nil
}

func main() {
	_, err := parseAll([]string{"x", "1", "2"})
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne))
}
