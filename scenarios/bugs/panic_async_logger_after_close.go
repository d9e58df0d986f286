// expect: race panic leak
//
// An asynchronous logger: Log hands lines to a writer goroutine through
// a buffered channel; Close closes the channel and waits for the writer
// to drain it. A request handler still running when main calls Close
// logs afterwards: send on closed channel, a close/send race (as Go's
// race detector reports it), and, when main returns first, a handler
// still asleep (leak, a warning).
// (outside round 4: a bug written as engineers write it; go run -race
// reports the race on l.lines; go run panics in some runs.)
package main

import (
	"fmt"
	"strings"
	"time"
)

type Logger struct {
	lines chan string
	done  chan struct{}
	out   strings.Builder
}

func NewLogger() *Logger {
	l := &Logger{lines: make(chan string, 16), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		for s := range l.lines {
			l.out.WriteString(s + "\n")
		}
	}()
	return l
}

func (l *Logger) Log(format string, args ...interface{}) {
	l.lines <- fmt.Sprintf(format, args...)
}

func (l *Logger) Close() {
	close(l.lines)
	<-l.done
}

func handle(l *Logger, id int) {
	l.Log("request %d: start", id)
	time.Sleep(time.Duration(id) * time.Millisecond)
	l.Log("request %d: done", id)
}

func main() {
	l := NewLogger()
	for id := 1; id <= 2; id++ {
		go handle(l, id)
	}
	time.Sleep(time.Millisecond) // "graceful" shutdown
	l.Close()
	fmt.Print(l.out.String())
}
