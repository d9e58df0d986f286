// expect: ok
//
// Request handlers encode log lines with a sync.Pool of bytes.Buffers, as
// high-volume loggers do: Get a buffer, Reset it, format into it, copy
// the bytes out, Put it back. A buffer is owned by one goroutine between
// Get and Put; the lines meet in a channel drained by the writer.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

type field struct {
	k string
	v any
}

func encode(level, msg string, fields ...field) []byte {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufPool.Put(b)
	b.WriteString(level)
	b.WriteByte(' ')
	b.WriteString(strconv.Quote(msg))
	for _, f := range fields {
		fmt.Fprintf(b, " %s=%v", f.k, f.v)
	}
	return append([]byte(nil), b.Bytes()...)
}

func main() {
	lines := make(chan []byte)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			lines <- encode("INFO", "handled", field{"req", id}, field{"ok", id%2 == 0})
		}(i)
	}
	go func() { wg.Wait(); close(lines) }()
	var out []string
	for l := range lines {
		out = append(out, string(l))
	}
	sort.Strings(out)
	for _, l := range out {
		fmt.Println(l)
	}
}
