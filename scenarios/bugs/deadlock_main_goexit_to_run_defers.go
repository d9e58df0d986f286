// expect: deadlock
//
// A command-line tool wants its deferred cleanups (flush the log, remove
// the lock file) to run on a fatal error, so its error path calls
// runtime.Goexit() instead of os.Exit: Goexit runs main's deferred calls
// but ends only the main goroutine, not the program. Once the background
// uploader has finished, no goroutine is left and Go dies with "no
// goroutines (main called runtime.Goexit) - deadlock!" (exit status 2,
// the output of a crash).
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) prints the cleanup lines and then that fatal error. weft ended
// the program at main's Goexit, printed no more and found nothing.)
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

type logger struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *logger) Printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, format+"\n", args...)
}

func (l *logger) Flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Print(l.buf.String())
	l.buf.Reset()
}

func run(log *logger) error {
	log.Printf("validating config")
	return errors.New("config: missing field \"region\"")
}

func main() {
	log := &logger{}
	defer log.Flush()
	defer log.Printf("removed lock file")

	go func() { // upload of the previous run's report
		log.Printf("uploaded report")
	}()

	if err := run(log); err != nil {
		log.Printf("fatal: %v", err)
		runtime.Goexit() // BUG: ends main only, not the program
	}
	log.Printf("done")
}
