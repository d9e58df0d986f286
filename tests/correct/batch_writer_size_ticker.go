// expect: ok
//
// A batching writer: Write queues records, a background loop flushes when
// the batch reaches its size or when the ticker fires, and Close flushes
// what is left and waits for the loop to exit. The sink is a
// bytes.Buffer owned by the loop only.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"
)

type BatchWriter struct {
	in      chan string
	flushes chan int
	quit    chan struct{}
	wg      sync.WaitGroup
	out     bytes.Buffer
	size    int
}

func NewBatchWriter(size int, every time.Duration) *BatchWriter {
	w := &BatchWriter{in: make(chan string), quit: make(chan struct{}), size: size}
	w.wg.Add(1)
	go w.loop(every)
	return w
}

func (w *BatchWriter) loop(every time.Duration) {
	defer w.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	batch := make([]string, 0, w.size)
	flush := func(reason string) {
		if len(batch) == 0 {
			return
		}
		fmt.Fprintf(&w.out, "%s[%s]\n", reason, strings.Join(batch, ","))
		batch = batch[:0]
	}
	for {
		select {
		case rec := <-w.in:
			batch = append(batch, rec)
			if len(batch) == w.size {
				flush("size")
			}
		case <-t.C:
			flush("tick")
		case <-w.quit:
			// Drain writers that raced with Close? Write refuses after
			// quit, so only flush.
			flush("close")
			return
		}
	}
}

func (w *BatchWriter) Write(rec string) bool {
	select {
	case w.in <- rec:
		return true
	case <-w.quit:
		return false
	}
}

func (w *BatchWriter) Close() string {
	close(w.quit)
	w.wg.Wait()
	return w.out.String()
}

func main() {
	w := NewBatchWriter(3, 50*time.Millisecond)
	var wg sync.WaitGroup
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				w.Write(fmt.Sprintf("p%d-%d", p, i))
			}
		}(p)
	}
	wg.Wait()
	out := w.Close()
	n := strings.Count(out, "p")
	fmt.Println("records flushed:", n)
}
