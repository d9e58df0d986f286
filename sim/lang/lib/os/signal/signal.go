// Package signal: the calls of Go's os/signal. weft's programs receive
// no signals: Notify registers a channel on which nothing ever arrives,
// so a program waiting for a signal waits forever (weft reports the wait
// as it reports any other: a deadlock, or a leak once main returns), and
// NotifyContext's context is cancelled only by its stop function.
package signal

import (
	"context"
	"os"
)

func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
}

func Stop(c chan<- os.Signal)    {}
func Ignore(sig ...os.Signal)    {}
func Reset(sig ...os.Signal)     {}
func Ignored(sig os.Signal) bool { return false }

func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	return context.WithCancel(parent)
}
