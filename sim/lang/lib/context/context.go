// Package context: cancellation trees on sync.Mutex, channels and
// time.AfterFunc, as Go's context.go builds them.
package context

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

type CancelFunc func()
type CancelCauseFunc func(cause error)

var Canceled = errors.New("context canceled")

var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

type emptyCtx struct {
	name string
}

func (emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (emptyCtx) Done() <-chan struct{}                   { return nil }
func (emptyCtx) Err() error                              { return nil }
func (emptyCtx) Value(key any) any                       { return nil }
func (c emptyCtx) String() string                        { return c.name }

func Background() Context { return emptyCtx{"context.Background"} }
func TODO() Context       { return emptyCtx{"context.TODO"} }

// cancelCtx: WithCancel's context, and WithDeadline's with a timer. Its
// mutex is never held while another is taken (children are cancelled
// after it is released), so the library adds no lock-order edges.
type cancelCtx struct {
	parent   Context
	mu       sync.Mutex
	done     chan struct{}
	children []*cancelCtx
	err      error
	cause    error
	deadline time.Time
	timed    bool
	timer    *time.Timer
	onCancel func() // AfterFunc's: called once c is cancelled
}

func newCancelCtx(parent Context) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return &cancelCtx{parent: parent, done: make(chan struct{})}
}

func (c *cancelCtx) Deadline() (deadline time.Time, ok bool) {
	if c.timed {
		return c.deadline, true
	}
	return c.parent.Deadline()
}

func (c *cancelCtx) Done() <-chan struct{} { return c.done }

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

// cancelCtxKey: the key a cancelCtx answers with itself, as in Go, so a
// context of the program's own type that embeds one (or wraps it and
// forwards Value) still finds its library parent.
var cancelCtxKey int

func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return c.parent.Value(key)
}

func (c *cancelCtx) String() string {
	if c.timed {
		return contextName(c.parent) + ".WithDeadline(" + c.deadline.String() +
			" [" + time.Until(c.deadline).String() + "])"
	}
	return contextName(c.parent) + ".WithCancel"
}

// cancel closes c.done once, records err and cause, and cancels c's
// children; removeFromParent detaches c from its parent.
func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
	if cause == nil {
		cause = err
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	c.cause = cause
	close(c.done)
	children := c.children
	c.children = nil
	t := c.timer
	c.timer = nil
	c.mu.Unlock()
	if t != nil {
		t.Stop()
	}
	for _, child := range children {
		child.cancel(false, err, cause)
	}
	if c.onCancel != nil {
		c.onCancel()
	}
	if removeFromParent {
		if p, ok := parentCancelCtx(c.parent); ok {
			p.removeChild(c)
		}
	}
}

func (c *cancelCtx) removeChild(child *cancelCtx) {
	c.mu.Lock()
	for i, x := range c.children {
		if x == child {
			c.children = append(c.children[:i], c.children[i+1:]...)
			break
		}
	}
	c.mu.Unlock()
}

// parentCancelCtx: the cancelCtx behind parent, found as Go finds it,
// by its Value(&cancelCtxKey) (through value contexts and the program's
// own types that embed a context), and only when parent's Done is that
// context's channel (a type that makes its own Done channel is watched
// instead).
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok || (<-chan struct{})(p.done) != done {
		return nil, false
	}
	return p, true
}

// propagateCancel arranges for child to be cancelled with parent: a
// library parent keeps it in its children; a parent of the program's own
// type is watched by a goroutine, as in Go.
func propagateCancel(parent Context, child *cancelCtx) {
	done := parent.Done()
	if done == nil {
		return
	}
	if p, ok := parentCancelCtx(parent); ok {
		p.mu.Lock()
		err, cause := p.err, p.cause
		if err == nil {
			p.children = append(p.children, child)
		}
		p.mu.Unlock()
		if err != nil {
			child.cancel(false, err, cause)
		}
		return
	}
	go func() {
		select {
		case <-done:
			child.cancel(false, parent.Err(), Cause(parent))
		case <-child.done:
		}
	}()
}

func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	c := newCancelCtx(parent)
	propagateCancel(parent, c)
	return c, func() { c.cancel(true, Canceled, nil) }
}

func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c := newCancelCtx(parent)
	propagateCancel(parent, c)
	return c, func(cause error) { c.cancel(true, Canceled, cause) }
}

// AfterFunc arranges to call f in its own goroutine once ctx is done (at
// once if it already is), as Go 1.21's: a child of ctx whose
// cancellation starts f. stop detaches it and reports whether it kept f
// from being started; f is started at most once.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a := newCancelCtx(ctx)
	var once sync.Once
	a.onCancel = func() {
		once.Do(func() { go f() })
	}
	propagateCancel(ctx, a)
	return func() bool {
		stopped := false
		once.Do(func() { stopped = true })
		if stopped {
			a.cancel(true, Canceled, nil)
		}
		return stopped
	}
}

func Cause(c Context) error {
	if p, ok := c.Value(&cancelCtxKey).(*cancelCtx); ok {
		p.mu.Lock()
		cause := p.cause
		p.mu.Unlock()
		return cause
	}
	return c.Err()
}

func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent)
	}
	c := newCancelCtx(parent)
	c.deadline = d
	c.timed = true
	propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded, cause)
		return c, func() { c.cancel(false, Canceled, nil) }
	}
	c.mu.Lock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, DeadlineExceeded, cause)
		})
	}
	c.mu.Unlock()
	return c, func() { c.cancel(true, Canceled, nil) }
}

func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, time.Now().Add(timeout), cause)
}

type valueCtx struct {
	parent   Context
	key, val any
}

func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	return &valueCtx{parent, key, val}
}

func (c *valueCtx) Deadline() (deadline time.Time, ok bool) {
	return c.parent.Deadline()
}
func (c *valueCtx) Done() <-chan struct{} { return c.parent.Done() }
func (c *valueCtx) Err() error            { return c.parent.Err() }

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.parent.Value(key)
}

func (c *valueCtx) String() string {
	return contextName(c.parent) + ".WithValue(" + stringify(c.key) + ", " +
		stringify(c.val) + ")"
}

func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%T", v)
}

type stringer interface {
	String() string
}

func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return "context"
}

type withoutCancelCtx struct {
	parent Context
}

func WithoutCancel(parent Context) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return withoutCancelCtx{parent}
}

func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return }
func (withoutCancelCtx) Done() <-chan struct{}                   { return nil }
func (withoutCancelCtx) Err() error                              { return nil }
func (c withoutCancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return nil
	}
	return c.parent.Value(key)
}
func (c withoutCancelCtx) String() string {
	return contextName(c.parent) + ".WithoutCancel"
}
