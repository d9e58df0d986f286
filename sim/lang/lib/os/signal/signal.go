// Package signal: the calls of Go's os/signal. weft's programs receive
// only the signals they send themselves (syscall.Kill of their own pid):
// Notify registers a channel for them, which gets each without blocking
// the sender, as Go's does. A program waiting for a signal nobody sends
// waits forever (weft reports the wait as it reports any other: a
// deadlock, or a leak once main returns), and NotifyContext's context is
// cancelled only by its stop function.
package signal

import (
	"context"
	"os"
	"sync"
	"syscall"
)

type handler struct {
	c    chan<- os.Signal
	sigs []os.Signal // nil: every signal
}

var handlers struct {
	sync.Mutex
	list    []handler
	ignored map[os.Signal]bool
}

func init() { syscall.__notify = deliver }

func deliver(sig syscall.Signal) bool {
	handlers.Lock()
	defer handlers.Unlock()
	if handlers.ignored[sig] {
		return true
	}
	sent := false
	for _, h := range handlers.list {
		if h.wants(sig) {
			select {
			case h.c <- sig:
			default:
			}
			sent = true
		}
	}
	return sent
}

func (h handler) wants(sig os.Signal) bool {
	if h.sigs == nil {
		return true
	}
	for _, s := range h.sigs {
		if s == sig {
			return true
		}
	}
	return false
}

func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	handlers.Lock()
	defer handlers.Unlock()
	for _, s := range sig {
		delete(handlers.ignored, s)
	}
	for i, h := range handlers.list {
		if h.c == c {
			if len(sig) == 0 || h.sigs == nil {
				handlers.list[i].sigs = nil
			} else {
				handlers.list[i].sigs = append(h.sigs, sig...)
			}
			return
		}
	}
	var sigs []os.Signal
	if len(sig) > 0 {
		sigs = append(sigs, sig...)
	}
	handlers.list = append(handlers.list, handler{c, sigs})
}

func Stop(c chan<- os.Signal) {
	handlers.Lock()
	defer handlers.Unlock()
	for i, h := range handlers.list {
		if h.c == c {
			handlers.list = append(handlers.list[:i], handlers.list[i+1:]...)
			return
		}
	}
}

// forget drops sig from every channel's list (all signals: sig empty).
func forget(sig []os.Signal) {
	if len(sig) == 0 {
		handlers.list = nil
		return
	}
	for i := range handlers.list {
		h := &handlers.list[i]
		if h.sigs == nil {
			continue // registered for all: Go keeps the others
		}
		var keep []os.Signal
		for _, s := range h.sigs {
			drop := false
			for _, d := range sig {
				drop = drop || s == d
			}
			if !drop {
				keep = append(keep, s)
			}
		}
		h.sigs = keep
	}
}

func Ignore(sig ...os.Signal) {
	handlers.Lock()
	defer handlers.Unlock()
	forget(sig)
	if handlers.ignored == nil {
		handlers.ignored = map[os.Signal]bool{}
	}
	for _, s := range sig {
		handlers.ignored[s] = true
	}
}

// Reset undoes Notify for sig (every signal: none given); as in Go, a
// signal Ignore ignores stays ignored.
func Reset(sig ...os.Signal) {
	handlers.Lock()
	defer handlers.Unlock()
	forget(sig)
}

func Ignored(sig os.Signal) bool {
	handlers.Lock()
	defer handlers.Unlock()
	return handlers.ignored[sig]
}

func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	return context.WithCancel(parent)
}
