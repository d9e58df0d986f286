// expect: ok outcomes "served 4 requests\n"
//
// A rate limiter with a burst: a buffered channel holds up to burst
// tokens, a goroutine refills one per tick and stops with the limiter.
// Requests beyond the burst wait for the ticker.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Limiter struct {
	tokens chan struct{}
	stop   chan struct{}
	done   chan struct{}
}

func NewLimiter(every time.Duration, burst int) *Limiter {
	l := &Limiter{
		tokens: make(chan struct{}, burst),
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	for i := 0; i < burst; i++ {
		l.tokens <- struct{}{}
	}
	go l.refill(every)
	return l
}

func (l *Limiter) refill(every time.Duration) {
	defer close(l.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			select {
			case l.tokens <- struct{}{}:
			default: // bucket full: the token is lost
			}
		}
	}
}

func (l *Limiter) Wait() { <-l.tokens }

func (l *Limiter) Stop() {
	close(l.stop)
	<-l.done
}

func main() {
	lim := NewLimiter(10*time.Millisecond, 2)
	var wg sync.WaitGroup
	var mu sync.Mutex
	served := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lim.Wait()
			mu.Lock()
			served++
			mu.Unlock()
		}()
	}
	wg.Wait()
	lim.Stop()
	fmt.Printf("served %d requests\n", served)
}
