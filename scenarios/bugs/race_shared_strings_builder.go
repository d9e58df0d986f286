// expect: race
//
// Workers append their progress lines to one strings.Builder shared by
// all of them, the way a logger is sometimes written: strings.Builder is
// not safe for concurrent use, and the writes race.
// (outside round 5: a bug written as engineers write it; go run -race
// (Go 1.19) reports the data race inside strings.Builder.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Progress struct {
	log strings.Builder // BUG: shared, no lock
}

func (p *Progress) Logf(format string, args ...interface{}) {
	fmt.Fprintf(&p.log, format, args...)
	p.log.WriteByte('\n')
}

func main() {
	var p Progress
	var wg sync.WaitGroup
	for _, name := range []string{"fetch", "parse"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			p.Logf("%s: done", name)
		}(name)
	}
	wg.Wait()
	fmt.Print(strings.Count(p.log.String(), "\n"), "\n")
}
