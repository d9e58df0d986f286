// expect: ok outcomes "line0\nline1\nline2\nline3\nline4\ntrue\n"
//
// A batching writer: lines are buffered and flushed every tick; on stop
// the loop flushes what is left, then acknowledges.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"bytes"
	"fmt"
	"time"
)

type Batcher struct {
	in    chan string
	stop  chan struct{}
	done  chan struct{}
	out   bytes.Buffer
	flush int
}

func (b *Batcher) loop() {
	defer close(b.done)
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	var pending []string
	flush := func() {
		if len(pending) == 0 {
			return
		}
		for _, l := range pending {
			b.out.WriteString(l)
			b.out.WriteByte('\n')
		}
		b.flush++
		pending = pending[:0]
	}
	for {
		select {
		case l := <-b.in:
			pending = append(pending, l)
		case <-t.C:
			flush()
		case <-b.stop:
			flush()
			return
		}
	}
}

func main() {
	b := &Batcher{in: make(chan string), stop: make(chan struct{}), done: make(chan struct{})}
	go b.loop()
	for i := 0; i < 5; i++ {
		b.in <- fmt.Sprint("line", i)
		time.Sleep(15 * time.Millisecond)
	}
	close(b.stop)
	<-b.done
	fmt.Print(b.out.String())
	fmt.Println(b.flush >= 2)
}
