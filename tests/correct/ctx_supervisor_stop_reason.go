// expect: ok
//
// A supervisor stops its workers with a reason it records before it
// cancels (cancel happens before ctx.Done() is closed, so the workers
// read it safely); each worker selects on ctx.Done() around every send,
// so none is left blocked.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

var errShutdown = errors.New("shutting down")

type supervisor struct {
	ctx    context.Context
	cancel context.CancelFunc
	cause  error
}

func (s *supervisor) stop(err error) {
	s.cause = err
	s.cancel()
}

func worker(s *supervisor, id int, out chan<- int, wg *sync.WaitGroup) {
	ctx := s.ctx
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case out <- id*100 + i:
		case <-ctx.Done():
			if !errors.Is(s.cause, errShutdown) {
				panic("unexpected cause")
			}
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	s := &supervisor{ctx: ctx, cancel: cancel}
	out := make(chan int)
	var wg sync.WaitGroup
	for id := 1; id <= 2; id++ {
		wg.Add(1)
		go worker(s, id, out, &wg)
	}
	got := 0
	for range out {
		got++
		if got == 3 {
			break
		}
	}
	s.stop(errShutdown)
	wg.Wait()
	fmt.Println(got, s.cause)
}
