// expect: ok outcomes "total 28\n"
//
// A batcher: events are buffered and flushed either when the batch is full
// or when the flush ticker fires; Close drains what is left and waits for
// the flusher goroutine to exit. Only the flusher goroutine touches the
// batch; the sink is guarded by its own mutex.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Sink struct {
	mu      sync.Mutex
	batches [][]int
}

func (s *Sink) Write(b []int) {
	s.mu.Lock()
	s.batches = append(s.batches, b)
	s.mu.Unlock()
}

type Batcher struct {
	in   chan int
	done chan struct{}
	sink *Sink
	max  int
}

func NewBatcher(sink *Sink, max int, every time.Duration) *Batcher {
	b := &Batcher{in: make(chan int), done: make(chan struct{}), sink: sink, max: max}
	go b.loop(every)
	return b
}

func (b *Batcher) loop(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	var batch []int
	flush := func() {
		if len(batch) > 0 {
			b.sink.Write(batch)
			batch = nil
		}
	}
	for {
		select {
		case v, ok := <-b.in:
			if !ok {
				flush()
				return
			}
			batch = append(batch, v)
			if len(batch) == b.max {
				flush()
			}
		case <-t.C:
			flush()
		}
	}
}

func (b *Batcher) Add(v int) { b.in <- v }

func (b *Batcher) Close() {
	close(b.in)
	<-b.done
}

func main() {
	sink := &Sink{}
	b := NewBatcher(sink, 3, 5*time.Millisecond)
	for i := 1; i <= 7; i++ {
		b.Add(i)
		if i == 4 {
			time.Sleep(12 * time.Millisecond)
		}
	}
	b.Close()
	total := 0
	for _, batch := range sink.batches {
		for _, v := range batch {
			total += v
		}
	}
	fmt.Println("total", total)
}
