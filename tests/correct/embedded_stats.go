// expect: ok outcomes "err=1 ok=10\nerr=1 ok=10|err=1 ok=10\n"
//
// Struct embedding of sync.Mutex, with method values started as
// goroutines: go s.record(...) and a func value stored in a table.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Stats struct {
	sync.Mutex
	byKind map[string]int
	wg     sync.WaitGroup
}

func (s *Stats) record(kind string, n int) {
	defer s.wg.Done()
	s.Lock()
	defer s.Unlock()
	s.byKind[kind] += n
}

func (s *Stats) String() string {
	s.Lock()
	defer s.Unlock()
	keys := make([]string, 0, len(s.byKind))
	for k := range s.byKind {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s=%d", k, s.byKind[k])
	}
	return b.String()
}

func main() {
	s := &Stats{byKind: map[string]int{}}
	rec := s.record
	handlers := map[string]func(string, int){"err": rec, "ok": s.record}
	for _, ev := range []struct {
		kind string
		n    int
	}{{"ok", 2}, {"err", 1}, {"ok", 3}} {
		s.wg.Add(1)
		go handlers[ev.kind](ev.kind, ev.n)
	}
	s.wg.Add(1)
	go s.record("ok", 5)
	s.wg.Wait()
	fmt.Println(s)
	fmt.Printf("%v|%s\n", s, s.String())
}
