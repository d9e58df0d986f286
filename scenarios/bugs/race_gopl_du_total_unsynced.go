// expect: race
// weft: --max-executions 2000
//
// A student's variant of The Go Programming Language 8.8 (du): instead of
// sending sizes on a channel, each walker goroutine adds its files'
// sizes straight into package counters, and main reads them after
// wg.Wait. The walkers' increments race with each other (go run -race:
// DATA RACE on nfiles/nbytes).
package main

import (
	"fmt"
	"path"
	"sync"
)

type entry struct {
	name  string
	size  int64
	isDir bool
}

var fs = map[string][]entry{
	"/":          {{"etc", 0, true}, {"var", 0, true}, {"README", 120, false}},
	"/etc":       {{"hosts", 30, false}, {"passwd", 900, false}, {"ssl", 0, true}},
	"/etc/ssl":   {{"cert.pem", 4000, false}},
	"/var":       {{"log", 0, true}, {"cache", 0, true}},
	"/var/log":   {{"syslog", 70000, false}, {"auth.log", 2000, false}},
	"/var/cache": {},
}

var sema = make(chan struct{}, 3)

var (
	nfiles int64
	nbytes int64
)

func walkDir(dir string, wg *sync.WaitGroup) {
	defer wg.Done()
	sema <- struct{}{}
	entries := fs[dir]
	<-sema
	for _, e := range entries {
		if e.isDir {
			wg.Add(1)
			go walkDir(path.Join(dir, e.name), wg)
			continue
		}
		nfiles++ // BUG: concurrent walkers update the totals unsynchronized
		nbytes += e.size
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go walkDir("/", &wg)
	wg.Wait()
	fmt.Printf("%d files  %.1f KB\n", nfiles, float64(nbytes)/1e3)
}
