// expect: leak
//
// A test starts a poller whose goroutine selects on a ticker and a stop
// channel, and never stops it: the goroutine outlives the test (goleak
// reports it).
// (issue 15, outside check: go test passes it; goleak, and weft, fail it.)
package poller

import (
	"sync/atomic"
	"testing"
	"time"
)

type Poller struct {
	polls atomic.Int64
	stop  chan struct{}
}

func StartPoller(every time.Duration) *Poller {
	p := &Poller{stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.polls.Add(1)
			case <-p.stop:
				return
			}
		}
	}()
	return p
}

func (p *Poller) Stop() { close(p.stop) }

func TestPoller(t *testing.T) {
	p := StartPoller(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	if p.polls.Load() == 0 {
		t.Error("no polls")
	}
	// BUG: missing p.Stop()
}
