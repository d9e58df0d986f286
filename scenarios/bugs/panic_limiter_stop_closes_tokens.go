// expect: race panic leak
//
// A token-bucket limiter's Stop stops the ticker and closes the tokens
// channel so blocked callers wake up; but the refill goroutine may be
// between receiving a tick and sending its token: it sends on the closed
// channel (a select's send case panics too). The close is not ordered
// with the sends of the tokens nobody took (a race, as Go's detector
// reports), and the refill goroutine, whose ticker is stopped but whose
// channel is never closed, is left blocked in its range.
// (outside round 4: a bug written as engineers write it; go run -race
// reports the close/send race; the panic needs the tick and Stop at the
// same instant, which virtual time reaches.)
package main

import (
	"fmt"
	"time"
)

type Limiter struct {
	tokens chan struct{}
	ticker *time.Ticker
}

func NewLimiter(every time.Duration, burst int) *Limiter {
	l := &Limiter{tokens: make(chan struct{}, burst), ticker: time.NewTicker(every)}
	go func() {
		for range l.ticker.C {
			select {
			case l.tokens <- struct{}{}:
			default:
			}
		}
	}()
	return l
}

func (l *Limiter) Wait() bool {
	_, ok := <-l.tokens
	return ok
}

func (l *Limiter) Stop() {
	l.ticker.Stop()
	close(l.tokens)
}

func main() {
	l := NewLimiter(time.Millisecond, 2)
	for i := 0; i < 3; i++ {
		l.Wait()
	}
	time.Sleep(5 * time.Millisecond) // the last requests' work
	l.Stop()
	fmt.Println("stopped")
}
