// expect: ok outcomes "true\n"
//
// Metrics are emitted with a non-blocking send: when the exporter's buffer
// is full the sample is dropped and counted instead of stalling the hot
// path. The exporter drains until the channel is closed; dropped and
// exported always add up to what was emitted.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Emitter struct {
	ch      chan int
	dropped atomic.Int64
}

func (e *Emitter) Emit(v int) {
	select {
	case e.ch <- v:
	default:
		e.dropped.Add(1)
	}
}

func main() {
	e := &Emitter{ch: make(chan int, 2)}
	var exported int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range e.ch {
			exported++
		}
	}()
	var wg sync.WaitGroup
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				e.Emit(i)
			}
		}()
	}
	wg.Wait()
	close(e.ch)
	<-done
	fmt.Println(exported+e.dropped.Load() == 6)
}
