// Package log: Go's Logger, writing to the program's output; Fatal ends the
// program (lib_log.c).
package log

import (
	"fmt"
	"sync"
	"time"
)

const (
	Ldate = 1 << iota
	Ltime
	Lmicroseconds
	Llongfile
	Lshortfile
	LUTC
	Lmsgprefix
	LstdFlags = Ldate | Ltime
)

type writer interface {
	Write(p []byte) (n int, err error)
}

// Logger: as Go's, one mutex around each line written. The standard
// logger writes to the program's output (where fmt prints), not to a
// separate standard error; its clock is virtual time, 0 at the epoch.
type Logger struct {
	mu     sync.Mutex
	prefix string
	flag   int
	out    writer
}

func New(out writer, prefix string, flag int) *Logger {
	return &Logger{prefix: prefix, flag: flag, out: out}
}

var std = New(nil, "", LstdFlags)

func Default() *Logger { return std }

func itoa(b []byte, i int, wid int) []byte {
	var d []byte
	for i >= 10 || wid > 1 {
		wid--
		d = append(d, byte('0'+i%10))
		i /= 10
	}
	d = append(d, byte('0'+i))
	for k := len(d) - 1; k >= 0; k-- {
		b = append(b, d[k])
	}
	return b
}

func (l *Logger) header(b []byte, t time.Time, site string) []byte {
	if l.flag&Lmsgprefix == 0 {
		b = append(b, l.prefix...)
	}
	if l.flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		if l.flag&Ldate != 0 {
			year, month, day := t.Date()
			b = itoa(b, year, 4)
			b = append(b, '/')
			b = itoa(b, int(month), 2)
			b = append(b, '/')
			b = itoa(b, day, 2)
			b = append(b, ' ')
		}
		if l.flag&(Ltime|Lmicroseconds) != 0 {
			hour, min, sec := t.Clock()
			b = itoa(b, hour, 2)
			b = append(b, ':')
			b = itoa(b, min, 2)
			b = append(b, ':')
			b = itoa(b, sec, 2)
			if l.flag&Lmicroseconds != 0 {
				b = append(b, '.')
				b = itoa(b, t.Nanosecond()/1000, 6)
			}
			b = append(b, ' ')
		}
	}
	if l.flag&(Lshortfile|Llongfile) != 0 {
		if l.flag&Lshortfile != 0 {
			for i := len(site) - 1; i > 0; i-- {
				if site[i] == '/' {
					site = site[i+1:]
					break
				}
			}
		}
		b = append(b, site...)
		b = append(b, ": "...)
	}
	if l.flag&Lmsgprefix != 0 {
		b = append(b, l.prefix...)
	}
	return b
}

func (l *Logger) output(s string) {
	now := time.Now()
	site := __caller() // "file:line" of the program's call
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.header(nil, now, site)
	b = append(b, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		b = append(b, '\n')
	}
	if l.out == nil { // standard error
		__output_err(string(b))
	} else {
		l.out.Write(b)
	}
}

// Output writes s as one log line; the file:line of Lshortfile and
// Llongfile is always the program's call into the log package (a
// calldepth other than 1 is not followed).
func (l *Logger) Output(calldepth int, s string) error {
	l.output(s)
	return nil
}

func (l *Logger) Print(v ...any)                 { l.output(fmt.Sprint(v...)) }
func (l *Logger) Printf(format string, v ...any) { l.output(fmt.Sprintf(format, v...)) }
func (l *Logger) Println(v ...any)               { l.output(fmt.Sprintln(v...)) }

// Fatal, Fatalf, Fatalln: the line, then the program ends as os.Exit(1)
// ends it (no deferred call runs); weft reports the exit as a panic
// finding "log.Fatal: exit status 1".
func (l *Logger) Fatal(v ...any) {
	l.output(fmt.Sprint(v...))
	__exit(1, "log.Fatal")
}
func (l *Logger) Fatalf(format string, v ...any) {
	l.output(fmt.Sprintf(format, v...))
	__exit(1, "log.Fatal")
}
func (l *Logger) Fatalln(v ...any) {
	l.output(fmt.Sprintln(v...))
	__exit(1, "log.Fatal")
}

func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.output(s)
	panic(s)
}
func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.output(s)
	panic(s)
}
func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.output(s)
	panic(s)
}

func (l *Logger) Prefix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prefix
}
func (l *Logger) SetPrefix(prefix string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prefix = prefix
}
func (l *Logger) Flags() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.flag
}
func (l *Logger) SetFlags(flag int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flag = flag
}
func (l *Logger) SetOutput(w writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.out = w
}

func Output(calldepth int, s string) error { std.output(s); return nil }
func Print(v ...any)                       { std.output(fmt.Sprint(v...)) }
func Printf(format string, v ...any)       { std.output(fmt.Sprintf(format, v...)) }
func Println(v ...any)                     { std.output(fmt.Sprintln(v...)) }
func Fatal(v ...any) {
	std.output(fmt.Sprint(v...))
	__exit(1, "log.Fatal")
}
func Fatalf(format string, v ...any) {
	std.output(fmt.Sprintf(format, v...))
	__exit(1, "log.Fatal")
}
func Fatalln(v ...any) {
	std.output(fmt.Sprintln(v...))
	__exit(1, "log.Fatal")
}
func Panic(v ...any)                 { std.Panic(v...) }
func Panicf(format string, v ...any) { std.Panicf(format, v...) }
func Panicln(v ...any)               { std.Panicln(v...) }
func Prefix() string                 { return std.Prefix() }
func SetPrefix(prefix string)        { std.SetPrefix(prefix) }
func Flags() int                     { return std.Flags() }
func SetFlags(flag int)              { std.SetFlags(flag) }
func SetOutput(w writer)             { std.SetOutput(w) }
func Writer() writer                 { return std.out }
