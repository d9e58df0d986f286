// expect: ok outcomes "true 2\n#1: empty field; #2: panic: assignment to entry in nil map\n"
//
// A group that runs validation tasks concurrently and reports every
// failure, not only the first: each task's error (or recovered panic,
// turned into an error) is recorded under the group's mutex with the
// task's index, and Wait sorts them. Written by hand where errgroup would
// stop at the first error.
// (outside round 3: a correct program written as engineers write it; go run
// -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report nothing and
// print the output above.)
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type TaskError struct {
	Index int
	Err   error
}

type MultiError []TaskError

func (m MultiError) Error() string {
	parts := make([]string, len(m))
	for i, e := range m {
		parts[i] = fmt.Sprintf("#%d: %v", e.Index, e.Err)
	}
	return strings.Join(parts, "; ")
}

type Group struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs MultiError
}

func (g *Group) Go(i int, f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			err = f()
		}()
		if err != nil {
			g.mu.Lock()
			g.errs = append(g.errs, TaskError{i, err})
			g.mu.Unlock()
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	if len(g.errs) == 0 {
		return nil
	}
	sort.Slice(g.errs, func(a, b int) bool { return g.errs[a].Index < g.errs[b].Index })
	return g.errs
}

var errEmpty = errors.New("empty field")

func main() {
	fields := []string{"name", "", "age"}
	var g Group
	for i, f := range fields {
		f := f
		g.Go(i, func() error {
			switch {
			case f == "":
				return errEmpty
			case f == "age":
				var limits map[string]int
				limits[f] = 1 // a bug in one validator: nil map write
			}
			return nil
		})
	}
	err := g.Wait()
	var me MultiError
	fmt.Println(errors.As(err, &me), len(me))
	fmt.Println(err)
}
